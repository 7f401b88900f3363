using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NetDsl.Addressing;
using NetDsl.LanguageServer.Documents;
using NetDsl.Model;
using NetDsl.Nptv6;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>
/// textDocument/hover: a name shows what it is and what NetDsl predicts for it (a container's addresses, MAC and
/// link-local; a network's gateway and bridge; a parameter's value), an address inside an NPTv6 rule's inside prefix
/// its translation, a keyword its shape. Everything shown comes from the core's model of the file.
/// </summary>
public static class HoverFeature
{
    public static JsonNode? Hover(DocumentAnalysis analysis, int offset)
    {
        var model = analysis.Result.PartialModel;
        string? markdown = null;
        int start = offset, length = 0;
        if (analysis.Symbols.At(offset) is { Resolved: true } occurrence)
        {
            // A declared name whose statement did not bind has no predictions: say so rather than nothing.
            markdown = Describe(model, occurrence.Key)
                ?? "**" + occurrence.Key.Describe() + "** `" + occurrence.Key.Name + "`: not bound (see its diagnostics), so nothing is predicted for it";
            (start, length) = (occurrence.Start, occurrence.Length);
        }
        if (markdown is null && WordAt(analysis.Document.Text, offset) is var (wordStart, word) && word.Length > 0)
        {
            markdown = DescribeAddress(model, word) ?? DescribeKeyword(word);
            (start, length) = (wordStart, word.Length);
        }
        if (markdown is null) return null;
        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = markdown },
            ["range"] = analysis.Document.Lines.RangeOf(start, length).ToJson(),
        };
    }

    /// <summary>The word (as the lexer reads one) around an offset.</summary>
    public static (int Start, string Word)? WordAt(string text, int offset)
    {
        if (offset < 0 || offset > text.Length) return null;
        int start = offset, end = offset;
        while (start > 0 && !NodeGrammar.IsDelimiter(text[start - 1])) start--;
        while (end < text.Length && !NodeGrammar.IsDelimiter(text[end])) end++;
        string word = text.Substring(start, end - start);
        int arrow = word.IndexOf("->", System.StringComparison.Ordinal);
        if (arrow >= 0) word = offset - start <= arrow ? word.Substring(0, arrow) : "";
        return (start, word);
    }

    private static string? Describe(NetworkModel model, SymbolKey key)
    {
        var sb = new StringBuilder();
        switch (key.Kind)
        {
            case SymbolKind.Parameter when model.FindParameter(key.Name) is { } p:
                sb.Append("**parameter** `").Append(p.Name).Append("` (").Append(p.Kind).Append(")\n\n");
                sb.Append("value `").Append(p.Value).Append('`');
                if (p.Overridden) sb.Append(" (set in the editor's settings; the file says `").Append(p.DefaultValue).Append("`)");
                break;
            case SymbolKind.Container when model.FindContainer(key.Name) is { } c:
                sb.Append("**container** `").Append(c.Name).Append("`");
                if (c.Image.Length > 0) sb.Append(" — image `").Append(c.Image).Append('`');
                sb.Append("\n");
                foreach (var a in c.Attachments)
                {
                    sb.Append("\n- on `").Append(a.Network).Append("` as ").Append(a.InterfaceName).Append(": ");
                    if (a.Ipv6 is { } v6)
                        sb.Append('`').Append(v6).Append('/').Append(a.PrefixLength).Append('`').Append(a.Ipv6Fixed ? " (fixed)" : " (predicted)");
                    else sb.Append("no IPv6 (an IPv4-only network)");
                    sb.Append(a.Ipv4 is { } v4 ? ", IPv4 `" + v4 + "`" : "");
                    sb.Append(a.Mac is { } mac ? ", MAC `" + mac + "`" : "");
                    if (a.LinkLocal is { } ll) sb.Append(", link-local `" + ll + "`");
                    else if (a.Ipv6 is not null) sb.Append(", MAC and link-local known after apply (declare an IPv4 subnet to predict them)");
                }
                break;
            case SymbolKind.Network when model.FindNetwork(key.Name) is { } n:
                sb.Append("**network** `").Append(n.Name).Append("` on `").Append(n.Host).Append("` (").Append(n.Driver).Append(")\n");
                if (n.Subnet6 is { } s6) sb.Append("\n- subnet `").Append(s6).Append("`, gateway `").Append(n.Gateway6).Append('`');
                else sb.Append("\n- IPv4-only (no IPv6 subnet)");
                if (n.IpRange6 is { } range) sb.Append(", ip-range `").Append(range).Append('`');
                if (n.Subnet4 is { } s4) sb.Append("\n- IPv4 subnet `").Append(s4).Append('`').Append(n.Gateway4 is { } g4 ? ", gateway `" + g4 + "`" : "");
                sb.Append("\n- bridge `").Append(n.Bridge.InterfaceName ?? "br-…(engine-chosen)").Append("`:");
                var bridgeAddresses = new object?[] { n.Bridge.Global, n.Bridge.LinkLocal, n.Bridge.Ipv4 }.Where(x => x is not null).Select(x => "`" + x + "`");
                sb.Append(' ').Append(string.Join(", ", bridgeAddresses));
                int containers = model.Containers.Count(c => c.Attachments.Any(a => a.Network == n.Name));
                sb.Append("\n- ").Append(containers).Append(" container(s)");
                break;
            case SymbolKind.Host when model.FindHost(key.Name) is { } h:
                sb.Append("**docker-host** `").Append(h.Name).Append("`, engine ").Append(h.Engine).Append('\n');
                Interfaces(sb, h.Interfaces);
                foreach (var n in model.NetworksOn(h.Name)) sb.Append("\n- network `").Append(n.Name).Append("` `").Append(n.Subnet6?.ToString() ?? n.Subnet4?.ToString()).Append('`');
                break;
            case SymbolKind.Router when model.FindRouter(key.Name) is { } r:
                sb.Append("**router** `").Append(r.Name).Append("` (").Append(r.Dialect).Append(")\n");
                Interfaces(sb, r.Interfaces);
                Routes(sb, r.Routes);
                break;
            case SymbolKind.Firewall when model.FindFirewall(key.Name) is { } f:
                sb.Append("**firewall** `").Append(f.Name).Append("` (").Append(f.Dialect).Append(")\n");
                Interfaces(sb, f.Interfaces);
                foreach (var rule in f.Nptv6Rules) sb.Append("\n- NPTv6 `").Append(rule.Name).Append("`: ").Append(string.Join(", ", rule.Mappings.Select(m => "`" + m.Inside + " → " + m.Outside + "`")));
                break;
            case SymbolKind.Upstream when model.FindUpstream(key.Name) is { } u:
                sb.Append("**upstream** `").Append(u.Name).Append("`\n");
                Interfaces(sb, u.Interfaces);
                foreach (var host in u.Hosts) sb.Append("\n- host `").Append(host.Name).Append("` `").Append(host.Address).Append('`');
                break;
            case SymbolKind.ExternalHost when model.Upstreams.SelectMany(u => u.Hosts).FirstOrDefault(h => h.Name == key.Name) is { } e:
                sb.Append("**external host** `").Append(e.Name).Append("`: `").Append(e.Address).Append('`');
                break;
            case SymbolKind.Interface when InterfacesOf(model, key.Scope).FirstOrDefault(i => i.Name == key.Name) is { } i:
                sb.Append("**interface** `").Append(i.Name).Append("` of `").Append(key.Scope).Append("`\n");
                Interfaces(sb, new[] { i });
                break;
            case SymbolKind.Zone when model.FindFirewall(key.Scope) is { } zf:
                sb.Append("**zone** `").Append(key.Name).Append("` of `").Append(zf.Name).Append("`: ")
                  .Append(string.Join(", ", zf.Interfaces.Where(i => i.Zone == key.Name).Select(i => "`" + i.Name + "`")));
                break;
            case SymbolKind.Nptv6Rule when model.FindFirewall(key.Scope)?.Nptv6Rules.FirstOrDefault(r => r.Name == key.Name) is { } rule:
                sb.Append("**NPTv6 rule** `").Append(rule.Name).Append("`: ").Append(rule.FromZone).Append(" → ").Append(rule.ToZone)
                  .Append(" out of `").Append(rule.Interface).Append("`\n");
                foreach (var m in rule.Mappings) sb.Append("\n- `").Append(m.Inside).Append("` → `").Append(m.Outside).Append('`');
                break;
            case SymbolKind.AllowRule when model.FindFirewall(key.Scope)?.Allows.FirstOrDefault(r => r.Name == key.Name) is { } allow:
                sb.Append("**allow rule** `").Append(allow.Name).Append("`: ").Append(allow.FromZone).Append(" → ").Append(allow.ToZone);
                break;
            default:
                return null;
        }
        return sb.ToString();
    }

    private static IEnumerable<NetworkInterface> InterfacesOf(NetworkModel model, string device) =>
        model.FindHost(device)?.Interfaces ?? model.FindRouter(device)?.Interfaces ?? model.FindFirewall(device)?.Interfaces
        ?? model.FindUpstream(device)?.Interfaces ?? EquatableArray<NetworkInterface>.Empty;

    private static void Interfaces(StringBuilder sb, IEnumerable<NetworkInterface> interfaces)
    {
        foreach (var i in interfaces)
        {
            sb.Append("\n- `").Append(i.Name).Append("` ").Append(string.Join(", ", i.Addresses.Select(a => "`" + a + "`")));
            if (i.LinkLocal is { } ll) sb.Append(", link-local `").Append(ll).Append('`');
            if (i.Zone is { } z) sb.Append(", zone ").Append(z);
        }
    }

    private static void Routes(StringBuilder sb, IEnumerable<Route> routes)
    {
        foreach (var r in routes)
            sb.Append("\n- route `").Append(r.Destination).Append('`').Append(r.NextHop is { } nh ? " via `" + nh + "`" : "").Append(r.Interface is { } i ? " dev " + i : "");
    }

    /// <summary>An address or prefix inside an NPTv6 rule's inside prefix: what the rule translates it to (RFC 6296, as the kernel does).</summary>
    private static string? DescribeAddress(NetworkModel model, string word)
    {
        int percent = word.IndexOf('%');
        if (percent >= 0) word = word.Substring(0, percent);
        IpAddress address;
        IpPrefix? prefix = null;
        if (IpPrefix.TryParse(word, out var p)) { prefix = p; address = p.Address; }
        else if (!IpAddress.TryParse(word, out address)) return null;
        var sb = new StringBuilder();
        foreach (var firewall in model.Firewalls)
        {
            foreach (var rule in firewall.Nptv6Rules)
            {
                foreach (var mapping in rule.Mappings)
                {
                    if (address.IsV4 || !mapping.Inside.Contains(address)) continue;
                    if (!Nptv6Translator.TryCreate(new Nptv6PrefixPair(mapping.Inside, mapping.Outside), Nptv6Compatibility.Rfc6296, out var translator, out _) || translator is null) continue;
                    sb.Append(sb.Length == 0 ? "" : "\n\n").Append("**NPTv6** `").Append(rule.Name).Append("` on `").Append(firewall.Name).Append("` (`")
                      .Append(mapping.Inside).Append("` → `").Append(mapping.Outside).Append("`)\n\n");
                    if (prefix is { } pre && pre.Address == pre.Network.Address)
                    {
                        var first = translator.TranslateOutbound(pre.Network.Address.Add(1));
                        sb.Append('`').Append(pre).Append("` → `").Append(mapping.Outside).Append('`');
                        if (first.IsTranslated) sb.Append("; e.g. `").Append(pre.Network.Address.Add(1)).Append("` → `").Append(first.Address).Append("` (checksum-neutral)");
                    }
                    else
                    {
                        var result = translator.TranslateOutbound(address);
                        sb.Append('`').Append(address).Append("` → ").Append(result.IsTranslated ? "`" + result.Address + "`" : result.Describe());
                    }
                }
            }
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string? DescribeKeyword(string word)
    {
        var shape = ShapeCatalog.Find(word);
        return shape is null ? null : "**" + word + "** " + ShapeCatalog.Usage(shape);
    }
}

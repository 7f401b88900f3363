using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Naming;

namespace NetDsl.Targets;

/// <summary>
/// <c>&lt;firewall&gt;/&lt;firewall&gt;.panos</c>: PAN-OS 9/10 configure-mode <c>set</c> commands for each firewall of
/// dialect panos — IPv6 firewalling, layer3 interfaces (sub-interface units with their VLAN tag), zones, the
/// default virtual router with its static routes, the allow rules and the NPTv6 NAT rules
/// (<c>nat-type nptv6</c>, zones, sources, <c>to-interface</c>, <c>source-translation static-ip
/// translated-address</c>). Addresses use RFC 5952 text, which the CLI accepts.
/// </summary>
/// <remarks>
/// One NAT rule carries one translated prefix, so mappings are grouped by outside prefix: the first group
/// keeps the rule's name, later ones get <c>-2</c>, <c>-3</c>… (the seed's two inside prefixes on one outside
/// prefix stay one rule, as in the write-up). PAN-OS derives a link-local fe80::&lt;interface id&gt; from each
/// address by itself, so a declared link-local is not written.
/// </remarks>
public sealed class PanosRenderer : IArtifactRenderer
{
    public const string Extension = ".panos";
    public const string VirtualRouter = "default";
    private const int MaxRuleName = 63;

    public string Name => "panos";

    public RenderResult Render(NetworkModel model)
    {
        var guard = new TextGuard("a PAN-OS configuration");
        var artifacts = new List<Artifact>();
        foreach (var firewall in model.Firewalls.Where(f => f.Dialect == Dialect.PanOs))
        {
            var view = new PanosView(
                guard.Text(firewall.Name, "firewall", firewall.Span),
                VirtualRouter,
                firewall.Interfaces.Select(i => Interface(i, guard)).ToList(),
                Zones(firewall, guard),
                firewall.Interfaces.IsEmpty ? null : List(firewall.Interfaces.Select(i => guard.Text(i.Name, "interface", i.Span))),
                firewall.Routes.Where(r => r.Origin == RouteOrigin.Static).Select((r, n) => Route(r, n + 1, guard)).ToList(),
                firewall.Allows.Select(a => new PanosSecurityRule(
                    RuleName(a.Name, a.Span, guard), guard.Text(a.FromZone, "zone", a.Span), guard.Text(a.ToZone, "zone", a.Span))).ToList(),
                firewall.Nptv6Rules.SelectMany(r => NatRules(r, guard)).ToList());
            artifacts.Add(new Artifact(firewall.Name, firewall.Name + Extension, TemplateLibrary.Render("panos.scriban", view)));
        }
        return guard.Result(artifacts);
    }

    private static PanosInterface Interface(NetworkInterface i, TextGuard guard)
    {
        string name = guard.Text(i.Name, "interface", i.Span);
        var path = PanosInterfacePath.TryCreate(name);
        if (path is null)
            guard.Report(DiagnosticDefinitions.InvalidName, i.Span, ConfigText.Visible(i.Name), "PAN-OS interface", "expected " + PanosInterfacePath.KnownForms);
        return new PanosInterface(
            path?.Path ?? "",
            path?.Tag,
            i.Addresses.Where(a => a.IsV4).Select(a => guard.Text(a.ToString(), "address", i.Span)).ToList(),
            i.Addresses.Where(a => !a.IsV4).Select(a => guard.Text(a.ToString(), "address", i.Span)).ToList());
    }

    /// <summary>Zones in order of first use, each with its interfaces.</summary>
    private static List<PanosZone> Zones(Firewall firewall, TextGuard guard) =>
        firewall.Interfaces
            .Where(i => i.Zone is not null)
            .GroupBy(i => i.Zone!)
            .Select(g => new PanosZone(
                guard.Text(g.Key, "zone", g.First().Span),
                List(g.Select(i => guard.Text(i.Name, "interface", i.Span)))))
            .ToList();

    private static PanosRoute Route(Route r, int number, TextGuard guard)
    {
        string table = r.Destination.IsV4 ? "ip" : "ipv6";
        return new PanosRoute(
            table,
            "netdsl-" + number.ToString(CultureInfo.InvariantCulture),
            guard.Text(r.Destination.ToString(), "route destination", r.Span),
            r.Interface is { } dev ? guard.Text(dev, "interface", r.Span) : null,
            r.NextHop is { } hop ? (hop.IsV4 ? "ip-address " : "ipv6-address ") + guard.Text(hop.ToString(), "next hop", r.Span) : null);
    }

    private static IEnumerable<PanosNatRule> NatRules(Nptv6Rule rule, TextGuard guard)
    {
        var groups = rule.Mappings.GroupBy(m => m.Outside).ToList();
        for (int n = 0; n < groups.Count; n++)
        {
            string name = n == 0 ? rule.Name : rule.Name + "-" + (n + 1).ToString(CultureInfo.InvariantCulture);
            yield return new PanosNatRule(
                RuleName(name, rule.Span, guard),
                guard.Text(rule.FromZone, "zone", rule.Span),
                guard.Text(rule.ToZone, "zone", rule.Span),
                guard.Text(rule.Interface, "interface", rule.Span),
                List(groups[n].Select(m => guard.Text(m.Inside.ToString(), "inside prefix", m.Span))),
                guard.Text(groups[n].Key.ToString(), "outside prefix", groups[n].First().Span));
        }
    }

    private static string RuleName(string name, Text.SourceSpan span, TextGuard guard)
    {
        if (name.Length > MaxRuleName)
            guard.Report(DiagnosticDefinitions.InvalidName, span, name, "PAN-OS rule", "PAN-OS allows at most " + MaxRuleName + " characters");
        return guard.Text(name, "rule", span);
    }

    /// <summary>A member list as the CLI takes it: a bare value for one, <c>[ a b ]</c> for several.</summary>
    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : "[ " + string.Join(" ", list) + " ]";
    }

    private sealed record PanosView(
        string Device,
        string VirtualRouter,
        IReadOnlyList<PanosInterface> Interfaces,
        IReadOnlyList<PanosZone> Zones,
        string? RouterInterfaces,
        IReadOnlyList<PanosRoute> Routes,
        IReadOnlyList<PanosSecurityRule> SecurityRules,
        IReadOnlyList<PanosNatRule> NatRules);

    private sealed record PanosInterface(string Path, string? Tag, IReadOnlyList<string> Ipv4, IReadOnlyList<string> Ipv6);

    private sealed record PanosZone(string Name, string Members);

    private sealed record PanosRoute(string Table, string Name, string Destination, string? Interface, string? NextHop);

    private sealed record PanosSecurityRule(string Name, string From, string To);

    private sealed record PanosNatRule(string Name, string From, string To, string ToInterface, string Sources, string Translated);
}

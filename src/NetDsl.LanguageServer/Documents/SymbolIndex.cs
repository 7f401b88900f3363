using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Documents;

/// <summary>What a name names. Top-level names (and external hosts) share one space; interfaces and zones live in their device.</summary>
public enum SymbolKind
{
    Parameter,
    Host,
    Network,
    Container,
    Router,
    Firewall,
    Upstream,
    ExternalHost,
    Interface,
    Zone,
    Nptv6Rule,
    AllowRule,
    /// <summary>An expect endpoint that names nothing declared (a typo): any top-level name would do.</summary>
    Endpoint,
}

/// <summary>A declared thing: its kind, the device it belongs to (interfaces, zones, rules; else empty) and its name.</summary>
public readonly record struct SymbolKey(SymbolKind Kind, string Scope, string Name)
{
    public string Describe() => Kind switch
    {
        SymbolKind.Host => "docker-host",
        SymbolKind.ExternalHost => "external host",
        SymbolKind.Nptv6Rule => "NPTv6 rule",
        SymbolKind.AllowRule => "allow rule",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>Where a name is written: a declaration or a use (for a parameter composed into an address, only the name part).</summary>
public readonly record struct Occurrence(SymbolKey Key, int Start, int Length, bool IsDeclaration, bool Resolved)
{
    public int End => Start + Length;
}

/// <summary>
/// Every name written in a file, read from its syntax with the meaning of each slot of the shapes table: what
/// definition, references, rename, hover, completion and the code actions work from. It finds where names are written;
/// what they mean (and whether they are right) is the binder's job, whose diagnostics the server shows.
/// </summary>
public sealed class SymbolIndex
{
    private static readonly SymbolKind[] TopLevelKinds =
        { SymbolKind.Host, SymbolKind.Network, SymbolKind.Container, SymbolKind.Router, SymbolKind.Firewall, SymbolKind.Upstream, SymbolKind.ExternalHost };

    private readonly List<Occurrence> _occurrences;   // ordered by start

    private SymbolIndex(List<Occurrence> occurrences, Dictionary<string, SymbolKey> topLevel, Dictionary<SymbolKey, List<Occurrence>> byKey)
    {
        _occurrences = occurrences;
        TopLevel = topLevel;
        ByKey = byKey;
    }

    /// <summary>Top-level names (and external hosts) by name, first declaration wins.</summary>
    public IReadOnlyDictionary<string, SymbolKey> TopLevel { get; }

    public IReadOnlyDictionary<SymbolKey, List<Occurrence>> ByKey { get; }

    public IEnumerable<SymbolKey> Declared => ByKey.Where(p => p.Value.Any(o => o.IsDeclaration)).Select(p => p.Key);

    public IEnumerable<SymbolKey> DeclaredOf(SymbolKind kind, string scope = "") =>
        Declared.Where(k => k.Kind == kind && (scope.Length == 0 || k.Scope == scope));

    /// <summary>The occurrence under an offset (its end included, where a cursor after a name stands).</summary>
    public Occurrence? At(int offset)
    {
        int lo = 0, hi = _occurrences.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_occurrences[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (int i = found; i >= 0 && i >= found - 1; i--)
            if (_occurrences[i].Start <= offset && offset <= _occurrences[i].End) return _occurrences[i];
        return null;
    }

    public IReadOnlyList<Occurrence> OccurrencesOf(SymbolKey key) => ByKey.TryGetValue(key, out var list) ? list : (IReadOnlyList<Occurrence>)Array.Empty<Occurrence>();

    public static SymbolIndex Build(FileSyntax syntax)
    {
        var builder = new Builder(syntax.Layout);
        foreach (var statement in syntax.Statements) builder.Declarations(statement);
        foreach (var statement in syntax.Statements) builder.Uses(statement);
        return builder.Finish();
    }

    private sealed class Builder
    {
        private readonly StatementLayout _layout;

        public Builder(StatementLayout layout) => _layout = layout;

        private readonly List<Occurrence> _all = new();
        private readonly Dictionary<string, SymbolKey> _topLevel = new(StringComparer.Ordinal);
        private readonly HashSet<string> _parameters = new(StringComparer.Ordinal);
        private readonly HashSet<SyntaxNode> _names = new(ReferenceEqualityComparer.Instance);

        public void Declarations(SettingSyntax s)
        {
            var kind = s.Name switch
            {
                "let" => SymbolKind.Parameter,
                "docker-host" => SymbolKind.Host,
                "network" => SymbolKind.Network,
                "container" => SymbolKind.Container,
                "router" => SymbolKind.Router,
                "firewall" => SymbolKind.Firewall,
                "upstream" => SymbolKind.Upstream,
                _ => (SymbolKind?)null,
            };
            if (kind is not { } k || s.Argument(0) is not { Kind: NodeKind.Word } name) return;
            Declare(new SymbolKey(k, "", name.Text), name);
            if (k == SymbolKind.Parameter) _parameters.Add(name.Text);
            foreach (var host in s.Settings("host"))
                if (host.Argument(0) is { Kind: NodeKind.Word } h) Declare(new SymbolKey(SymbolKind.ExternalHost, "", h.Text), h);
        }

        private void Declare(SymbolKey key, SyntaxNode node)
        {
            if (key.Scope.Length == 0 && key.Kind != SymbolKind.Parameter && !_topLevel.ContainsKey(key.Name)) _topLevel[key.Name] = key;
            Add(key, node, declaration: true);
        }

        private void Add(SymbolKey key, SyntaxNode node, bool declaration, bool resolved = true)
        {
            _names.Add(node);
            _all.Add(new Occurrence(key, _layout.OffsetOf(node.Span), node.Span.Length, declaration, resolved));
        }

        public void Uses(SettingSyntax s)
        {
            string device = s.Argument(0)?.Text ?? "";
            switch (s.Name)
            {
                case "network":
                    foreach (var v in s.Option("on")?.Values ?? default) Reference(SymbolKind.Host, "", v);
                    break;
                case "container":
                    foreach (var v in s.Option("on")?.Values ?? default) Reference(SymbolKind.Network, "", v);
                    foreach (var a in s.Settings("address"))
                        if (a.Arguments.Count == 2) Reference(SymbolKind.Network, "", a.Arguments[0]);
                    break;
                case "expect":
                    for (int i = 1; i < s.Arguments.Count; i++)
                        if (s.Arguments[i].Kind == NodeKind.Word && !ExpectTarget.LooksLikeAddress(s.Arguments[i].Text)) Endpoint(s.Arguments[i]);
                    break;
            }
            if (s.Name is "docker-host" or "router" or "firewall" or "upstream") DeviceParts(device, s.Body);
            Values(s);
        }

        private void DeviceParts(string device, IEnumerable<SettingSyntax> settings)
        {
            foreach (var setting in settings)
            {
                switch (setting.Name)
                {
                    case "interface":
                        if (setting.Argument(0) is { Kind: NodeKind.Word } name) Add(new SymbolKey(SymbolKind.Interface, device, name.Text), name, declaration: true);
                        foreach (var z in setting.Option("zone")?.Values ?? default) Add(new SymbolKey(SymbolKind.Zone, device, z.Text), z, declaration: true);
                        break;
                    case "route":
                        foreach (var v in setting.Option("dev")?.Values ?? default) Reference(SymbolKind.Interface, device, v);
                        if (setting.Option("via") is { Values.Count: 2 } via) Reference(SymbolKind.Interface, device, via.Values[0]);
                        break;
                    case "masquerade":
                        foreach (var o in setting.Options.Where(o => o.Keyword.Text is "out" or "out-not"))
                            foreach (var v in o.Values) Reference(SymbolKind.Interface, device, v);
                        break;
                    case "allow":
                        if (setting.Argument(0) is { Kind: NodeKind.Word } rule) Add(new SymbolKey(SymbolKind.AllowRule, device, rule.Text), rule, declaration: true);
                        for (int i = 1; i < setting.Arguments.Count; i++) Reference(SymbolKind.Zone, device, setting.Arguments[i]);
                        break;
                    case "nptv6":
                        if (setting.Argument(0) is { Kind: NodeKind.Word } nat) Add(new SymbolKey(SymbolKind.Nptv6Rule, device, nat.Text), nat, declaration: true);
                        foreach (var v in setting.Option("from")?.Values ?? default) Reference(SymbolKind.Zone, device, v);
                        foreach (var v in setting.Option("to")?.Values ?? default) Reference(SymbolKind.Zone, device, v);
                        foreach (var v in setting.Option("interface")?.Values ?? default) Reference(SymbolKind.Interface, device, v);
                        break;
                }
            }
        }

        private void Reference(SymbolKind kind, string scope, SyntaxNode node)
        {
            if (node.Kind != NodeKind.Word) return;
            Add(new SymbolKey(kind, scope, node.Text), node, declaration: false);
        }

        private void Endpoint(SyntaxNode node)
        {
            if (_topLevel.TryGetValue(node.Text, out var key)) Add(key, node, declaration: false);
            else Add(new SymbolKey(SymbolKind.Endpoint, "", node.Text), node, declaration: false, resolved: false);
        }

        // Parameter uses: any other word that is a parameter's name, or starts with one and ':' (a composed address).
        private void Values(SettingSyntax s)
        {
            foreach (var a in s.Arguments) Value(a);
            foreach (var o in s.Options) foreach (var v in o.Values) Value(v);
            foreach (var b in s.Body) Values(b);
        }

        private void Value(SyntaxNode node)
        {
            if (node.Kind == NodeKind.List) { foreach (var c in node.Children) Value(c); return; }
            if (node.Kind != NodeKind.Word || _names.Contains(node)) return;
            int colon = node.Text.IndexOf(':');
            string head = colon < 0 ? node.Text : node.Text.Substring(0, colon);
            if (head.Length == 0 || !_parameters.Contains(head)) return;
            _all.Add(new Occurrence(new SymbolKey(SymbolKind.Parameter, "", head), _layout.OffsetOf(node.Span), head.Length, false, true));
        }

        public SymbolIndex Finish()
        {
            // A use names what is declared; one that names nothing keeps its expected kind, unresolved (a typo).
            var declared = new HashSet<SymbolKey>(_all.Where(o => o.IsDeclaration).Select(o => o.Key));
            var occurrences = _all.Select(o => o.IsDeclaration || o.Key.Kind == SymbolKind.Endpoint || declared.Contains(o.Key) ? o : o with { Resolved = false })
                .OrderBy(o => o.Start).ToList();
            var byKey = new Dictionary<SymbolKey, List<Occurrence>>();
            foreach (var o in occurrences)
            {
                if (!byKey.TryGetValue(o.Key, out var list)) byKey[o.Key] = list = new List<Occurrence>();
                list.Add(o);
            }
            return new SymbolIndex(occurrences, _topLevel, byKey);
        }
    }
}

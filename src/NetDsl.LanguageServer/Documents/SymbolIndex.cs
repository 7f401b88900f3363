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
                LetSyntax.Keyword => SymbolKind.Parameter,
                DockerHostSyntax.Keyword => SymbolKind.Host,
                NetworkSyntax.Keyword => SymbolKind.Network,
                ContainerSyntax.Keyword => SymbolKind.Container,
                RouterSyntax.Keyword => SymbolKind.Router,
                FirewallSyntax.Keyword => SymbolKind.Firewall,
                UpstreamSyntax.Keyword => SymbolKind.Upstream,
                _ => (SymbolKind?)null,
            };
            // Each of these statements starts with its name (the reader drops one without it).
            if (kind is not { } k || s.Arguments[0] is not { Kind: NodeKind.Word } name) return;
            Declare(new SymbolKey(k, "", name.Text), name);
            if (k == SymbolKind.Parameter) _parameters.Add(name.Text);
            if (k != SymbolKind.Upstream) return;
            foreach (var host in new UpstreamSyntax(s).Hosts)
                if (host.Name is { Kind: NodeKind.Word } h) Declare(new SymbolKey(SymbolKind.ExternalHost, "", h.Text), h);
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
                case NetworkSyntax.Keyword:
                    foreach (var v in new NetworkSyntax(s).On?.Values ?? default) Reference(SymbolKind.Host, "", v);
                    break;
                case ContainerSyntax.Keyword:
                    var container = new ContainerSyntax(s);
                    foreach (var v in container.On?.Values ?? default) Reference(SymbolKind.Network, "", v);
                    foreach (var a in container.Addresses)
                        if (a.Address is not null) Reference(SymbolKind.Network, "", a.NetworkOrAddress);
                    break;
                case ExpectSyntax.Keyword:
                    var expect = new ExpectSyntax(s);
                    foreach (var endpoint in new[] { expect.From, expect.To })
                        if (endpoint.Kind == NodeKind.Word && !ExpectTarget.LooksLikeAddress(endpoint.Text)) Endpoint(endpoint);
                    break;
            }
            if (s.Name is DockerHostSyntax.Keyword or RouterSyntax.Keyword or FirewallSyntax.Keyword or UpstreamSyntax.Keyword) DeviceParts(device, s.Body);
            Values(s);
        }

        private void DeviceParts(string device, IEnumerable<SettingSyntax> settings)
        {
            foreach (var setting in settings)
            {
                switch (setting.Name)
                {
                    case InterfaceSyntax.Keyword:
                        var i = new InterfaceSyntax(setting);
                        if (i.Name is { Kind: NodeKind.Word } name) Add(new SymbolKey(SymbolKind.Interface, device, name.Text), name, declaration: true);
                        foreach (var z in i.Zone?.Values ?? default) Add(new SymbolKey(SymbolKind.Zone, device, z.Text), z, declaration: true);
                        break;
                    case RouteSyntax.Keyword:
                        var route = new RouteSyntax(setting);
                        foreach (var v in route.Dev?.Values ?? default) Reference(SymbolKind.Interface, device, v);
                        if (route.Via is { Values.Count: 2 } via) Reference(SymbolKind.Interface, device, via.Values[0]);
                        break;
                    case MasqueradeSyntax.Keyword:
                        var masquerade = new MasqueradeSyntax(setting);
                        foreach (var o in new[] { masquerade.Out, masquerade.OutNot })
                            foreach (var v in o?.Values ?? default) Reference(SymbolKind.Interface, device, v);
                        break;
                    case AllowSyntax.Keyword:
                        var allow = new AllowSyntax(setting);
                        if (allow.Name is { Kind: NodeKind.Word } rule) Add(new SymbolKey(SymbolKind.AllowRule, device, rule.Text), rule, declaration: true);
                        Reference(SymbolKind.Zone, device, allow.From);
                        Reference(SymbolKind.Zone, device, allow.To);
                        break;
                    // A firewall's rule (from, to, interface) or a docker-host's (interface, translator): read as the
                    // firewall's, whose options the host's lacks.
                    case FirewallNptv6Syntax.Keyword:
                        var nptv6 = new FirewallNptv6Syntax(setting);
                        if (nptv6.Name is { Kind: NodeKind.Word } nat) Add(new SymbolKey(SymbolKind.Nptv6Rule, device, nat.Text), nat, declaration: true);
                        foreach (var v in nptv6.From?.Values ?? default) Reference(SymbolKind.Zone, device, v);
                        foreach (var v in nptv6.To?.Values ?? default) Reference(SymbolKind.Zone, device, v);
                        foreach (var v in nptv6.Interface?.Values ?? default) Reference(SymbolKind.Interface, device, v);
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

using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Binding;
using NetDsl.Naming;
using NetDsl.Syntax;

namespace NetDsl.Model;

/// <summary>
/// What the generated C# API is built from when a file has errors: the partial model (everything that bound), plus,
/// for each statement that declares a name but did not bind, a member of its kind with empty values (no address,
/// no interface, no mapping). So a typo in a .netdsl file shows as that file's NDSL errors only, never as
/// CS0103/CS0246 in the C# that uses the generated class. Stand-ins exist for the API's sake alone: the build still fails
/// on the NDSL errors, and nothing renders, plans or applies a file with errors.
/// Declared names are read from the syntax (a statement that did not even parse has no name to keep). The source
/// generator is its only user.
/// </summary>
/// <remarks>
/// Not built on <see cref="CompilationResult.Unbound"/>: that records the top-level statements that failed to bind, while
/// stand-ins also keep the parameters (<c>let</c>) that failed, with the kind their value suggests, and the names
/// nested in statements that did bind (a firewall's NPTv6 rules, an upstream's hosts).
/// </remarks>
internal static class StandIns
{
    private static readonly IpPrefix AnyV6 = new(IpAddress.V6(0, 0), 0);

    public static NetworkModel Complete(NetworkModel partial, FileSyntax syntax)
    {
        var statements = syntax.Statements;
        // Every top-level statement's first slot is its name (the reader drops a statement without one).
        IEnumerable<(SettingSyntax Statement, string Name)> Declared(string keyword, Func<string, bool> valid) =>
            statements.Where(s => s.Name == keyword && s.Arguments[0] is { Kind: NodeKind.Word } n && valid(n.Text)).Select(s => (s, s.Arguments[0].Text));

        var parameters = partial.Parameters.ToList();
        foreach (var (s, name) in Missing(Declared(LetSyntax.Keyword, NameRules.IsParameterName), parameters.Select(p => p.Name)))
        {
            var kind = KindOf(new LetSyntax(s).Value);
            parameters.Add(new Parameter(name, kind, EmptyValue(kind), EmptyValue(kind), false, s.Span));
        }
        var hosts = partial.Hosts.ToList();
        foreach (var (s, name) in Missing(Declared(DockerHostSyntax.Keyword, NameRules.IsNodeName), hosts.Select(h => h.Name)))
            hosts.Add(new DockerHost(name, NetDsl.Engines.EngineRelease.Default, EquatableArray<NetworkInterface>.Empty, EquatableArray<Route>.Empty, DaemonSettings.Empty,
                EquatableArray<Masquerade>.Empty, EquatableArray<HostNptv6Rule>.Empty, s.Span));
        var networks = partial.Networks.ToList();
        foreach (var (s, name) in Missing(Declared(NetworkSyntax.Keyword, NameRules.IsNodeName), networks.Select(n => n.Name)))
            networks.Add(new DockerNetwork(name, new NetworkSyntax(s).On?.Value.Text ?? "", "bridge", AnyV6, AnyV6.Address, null, null, null, null, null,
                EquatableArray<KeyValue>.Empty, EquatableArray<KeyValue>.Empty, new BridgePrediction(null, AnyV6, null, null), s.Span));
        var containers = partial.Containers.ToList();
        foreach (var (s, name) in Missing(Declared(ContainerSyntax.Keyword, NameRules.IsNodeName), containers.Select(c => c.Name)))
            containers.Add(new Container(name, "", EquatableArray<string>.Empty, false, false, EquatableArray<NetworkAttachment>.Empty, EquatableArray<Route>.Empty, s.Span));
        var routers = partial.Routers.ToList();
        foreach (var (s, name) in Missing(Declared(RouterSyntax.Keyword, NameRules.IsNodeName), routers.Select(r => r.Name)))
            routers.Add(new Router(name, Dialect.Ios, EquatableArray<NetworkInterface>.Empty, EquatableArray<Route>.Empty, s.Span));

        var firewalls = partial.Firewalls.ToList();
        foreach (var (s, name) in Missing(Declared(FirewallSyntax.Keyword, NameRules.IsNodeName), firewalls.Select(f => f.Name)))
            firewalls.Add(new Firewall(name, Dialect.PanOs, EquatableArray<NetworkInterface>.Empty, EquatableArray<Route>.Empty, EquatableArray<AllowRule>.Empty,
                EquatableArray<Nptv6Rule>.Empty, s.Span));
        var ruleNames = new HashSet<string>(firewalls.SelectMany(f => f.Nptv6Rules).Select(r => Identifiers.ToPascalCase(r.Name)), StringComparer.Ordinal);
        for (int i = 0; i < firewalls.Count; i++)
        {
            var statement = statements.Where(s => s.Name == FirewallSyntax.Keyword).Select(s => new FirewallSyntax(s)).FirstOrDefault(f => f.Name.Text == firewalls[i].Name);
            var rules = firewalls[i].Nptv6Rules.ToList();
            foreach (var r in statement.Syntax is null ? Enumerable.Empty<FirewallNptv6Syntax>() : statement.Nptv6s)
            {
                if (r.Name is not { Kind: NodeKind.Word } n || !NameRules.IsNodeName(n.Text) || !ruleNames.Add(Identifiers.ToPascalCase(n.Text))) continue;
                rules.Add(new Nptv6Rule(n.Text, "", "", "", EquatableArray<Nptv6Mapping>.Empty, r.Syntax.Span));
            }
            if (rules.Count != firewalls[i].Nptv6Rules.Count) firewalls[i] = firewalls[i] with { Nptv6Rules = rules.ToEquatableArray() };
        }

        var upstreams = partial.Upstreams.ToList();
        foreach (var (s, name) in Missing(Declared(UpstreamSyntax.Keyword, NameRules.IsNodeName), upstreams.Select(u => u.Name)))
            upstreams.Add(new Upstream(name, EquatableArray<NetworkInterface>.Empty, EquatableArray<Route>.Empty, EquatableArray<ExternalHost>.Empty, s.Span));
        var hostNames = new HashSet<string>(upstreams.SelectMany(u => u.Hosts).Select(h => Identifiers.ToPascalCase(h.Name)), StringComparer.Ordinal);
        for (int i = 0; i < upstreams.Count; i++)
        {
            var statement = statements.Where(s => s.Name == UpstreamSyntax.Keyword).Select(s => new UpstreamSyntax(s)).FirstOrDefault(u => u.Name.Text == upstreams[i].Name);
            var external = upstreams[i].Hosts.ToList();
            foreach (var h in statement.Syntax is null ? Enumerable.Empty<HostSyntax>() : statement.Hosts)
            {
                if (h.Name is not { Kind: NodeKind.Word } n || !NameRules.IsNodeName(n.Text) || !hostNames.Add(Identifiers.ToPascalCase(n.Text))) continue;
                external.Add(new ExternalHost(n.Text, AnyV6.Address, h.Syntax.Span));
            }
            if (external.Count != upstreams[i].Hosts.Count) upstreams[i] = upstreams[i] with { Hosts = external.ToEquatableArray() };
        }

        return new NetworkModel(partial.SourcePath, parameters.ToEquatableArray(), hosts.ToEquatableArray(), networks.ToEquatableArray(), containers.ToEquatableArray(),
            routers.ToEquatableArray(), firewalls.ToEquatableArray(), upstreams.ToEquatableArray(), partial.Expectations);
    }

    // Declared but not bound, once per C# identifier (a duplicate or colliding name is already a diagnostic).
    private static IEnumerable<(SettingSyntax Statement, string Name)> Missing(IEnumerable<(SettingSyntax Statement, string Name)> declared, IEnumerable<string> bound)
    {
        var taken = new HashSet<string>(bound.Select(Identifiers.ToPascalCase), StringComparer.Ordinal);
        foreach (var d in declared)
            if (taken.Add(Identifiers.ToPascalCase(d.Name))) yield return d;
    }

    /// <summary>The kind a parameter's written value suggests (what the binder would give it had it been valid).</summary>
    private static ParameterKind KindOf(SyntaxNode? value) => value switch
    {
        { Kind: NodeKind.List } => ParameterKind.StringList,
        { Kind: NodeKind.Word, Text: var t } when t.IndexOf('/') >= 0 => ParameterKind.Prefix,
        { Kind: NodeKind.Word, Text: var t } when t.IndexOf(':') >= 0 || t.IndexOf('.') >= 0 => ParameterKind.Address,
        { Kind: NodeKind.Word, Text: "true" or "false" } => ParameterKind.Boolean,
        { Kind: NodeKind.Word, Text: var t } when t.Length > 0 && t.All(char.IsDigit) => ParameterKind.Integer,
        _ => ParameterKind.String,
    };

    private static string EmptyValue(ParameterKind kind) => kind switch
    {
        ParameterKind.Prefix => "::/0",
        ParameterKind.Address => "::",
        ParameterKind.StringList => "[]",
        ParameterKind.Integer => "0",
        ParameterKind.Boolean => "false",
        _ => "",
    };
}

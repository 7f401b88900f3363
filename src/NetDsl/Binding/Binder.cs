using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>The binder's output: a model (possibly partial when there are errors), the diagnostics, and the statements
/// that declared a name and did not bind (<see cref="Unbound"/>).</summary>
internal sealed record BindResult(NetworkModel Model, EquatableArray<NetDslDiagnostic> Diagnostics, EquatableArray<UnboundDeclaration> Unbound = default);

/// <summary>
/// Syntax → model. Binds in dependency order (parameters, hosts, networks, containers, devices, expectations)
/// so a name is always declared before it is looked up, whatever the order in the file. Every span stays relative
/// to its statement (<see cref="SourceSpan"/>), so what is bound from a statement does not depend on where it sits.
/// Container statements — tens of thousands in a large file — are bound in two stages: each on its own against the
/// parameters and networks (<see cref="DraftContainer"/>), then all drafts in order (names, addresses). <see cref="Bind"/>
/// drafts them itself unless it is given the drafts: the source generator caches one per statement and passes them.
/// </summary>
internal static class Binder
{
    public static bool IsContainer(SettingSyntax statement) => statement.Name == ContainerSyntax.Keyword;

    /// <summary>The file's model and diagnostics.</summary>
    /// <param name="file">The parsed file.</param>
    /// <param name="overrides">Parameter overrides (<c>--set NAME=VALUE</c>).</param>
    /// <param name="drafts">One draft per container statement of <paramref name="file"/>, in order, each bound against
    /// <see cref="ContainerEnvironmentOf"/> of this file; null to draft them here.</param>
    public static BindResult Bind(FileSyntax file, IReadOnlyDictionary<string, string> overrides, IReadOnlyList<ContainerDraft>? drafts = null)
    {
        var bound = BindHostsAndNetworks(file, overrides);
        var containers = file.Statements.Where(IsContainer).ToList();
        if (drafts is null || drafts.Count != containers.Count)
        {
            var environment = EnvironmentOf(bound.Context, bound.Networks);
            drafts = containers.Select(s => ContainerBinder.Draft(environment, s)).ToList();
        }
        return Complete(file, bound, drafts);
    }

    /// <summary>One container statement bound on its own against <paramref name="environment"/>.</summary>
    public static ContainerDraft DraftContainer(ContainerEnvironment environment, SettingSyntax statement) => ContainerBinder.Draft(environment, statement);

    /// <summary>What container statements are bound against, from the file's other statements (no diagnostics: <see cref="Bind"/> reports them).</summary>
    public static ContainerEnvironment ContainerEnvironmentOf(FileSyntax file, IReadOnlyDictionary<string, string> overrides)
    {
        var bound = BindHostsAndNetworks(file, overrides);
        return EnvironmentOf(bound.Context, bound.Networks);
    }

    // Without spans: an edit inside a network statement that changes none of its values (a comment) leaves every draft equal.
    private static ContainerEnvironment EnvironmentOf(BindingContext context, List<DockerNetwork> networks)
    {
        var withoutSpans = networks.Select(n => n with { Span = SourceSpan.None });
        var failed = context.Unbound.Where(u => u.Kind == NetworkSyntax.Keyword).Select(u => u.Name).ToEquatableArray();
        return new ContainerEnvironment(context.Parameters.Values, withoutSpans.ToEquatableArray(), failed);
    }

    private static BindResult Complete(FileSyntax file, (BindingContext Context, List<DockerHost> Hosts, List<DockerNetwork> Networks) bound,
        IReadOnlyList<ContainerDraft> containerDrafts)
    {
        var (context, hosts, networks) = bound;
        var diagnostics = context.Diagnostics;
        var parameters = context.Parameters;
        var statements = file.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);

        var containers = ContainerBinder.Complete(context, containerDrafts, networks.ToDictionary(n => n.Name), hosts);
        var routers = Of(RouterSyntax.Keyword).Select(s => context.Bound(s, RouterSyntax.Keyword, DeviceBinder.BindRouter(context, s))).OfType<Router>().ToList();
        var firewalls = Of(FirewallSyntax.Keyword).Select(s => context.Bound(s, FirewallSyntax.Keyword, DeviceBinder.BindFirewall(context, s))).OfType<Firewall>().ToList();
        var upstreams = Of(UpstreamSyntax.Keyword).Select(s => context.Bound(s, UpstreamSyntax.Keyword, DeviceBinder.BindUpstream(context, s))).OfType<Upstream>().ToList();
        var expectations = Of(ExpectSyntax.Keyword).Select(s => ExpectBinder.Bind(context, s)).OfType<Expectation>().ToList();
        string? project = null;
        foreach (var s in Of(ProjectSyntax.Keyword).Select(s => new ProjectSyntax(s)))
        {
            if (project is not null) context.Diagnostics.Report(DiagnosticDefinitions.DuplicateSetting, s.Syntax.Keyword.Span, ProjectSyntax.Keyword);
            else project = context.Values.Name(s.Name, ProjectSyntax.Keyword);
        }

        var declared = hosts.Select(h => ("hosts", h.Name, h.Span))
            .Concat(networks.Select(n => ("networks", n.Name, n.Span)))
            .Concat(containers.Select(c => ("containers", c.Name, c.Span)))
            .Concat(routers.Select(r => ("routers", r.Name, r.Span)))
            .Concat(firewalls.Select(f => ("firewalls", f.Name, f.Span)))
            .Concat(upstreams.Select(u => ("upstreams", u.Name, u.Span)))
            .Concat(firewalls.SelectMany(f => f.Nptv6Rules.Select(r => ("rules", r.Name, r.Span))))
            .Concat(parameters.Declarations.Select(p => ("parameters", p.Name, p.Span)));
        ConsistencyChecks.Run(context, hosts, networks, declared);
        EngineChecks.Run(context, hosts, networks);
        SubnetReuseChecks.Run(context, hosts, networks, routers, firewalls, upstreams);
        // With errors, a parameter written anywhere counts as used: its use may sit in a statement that did not bind.
        bool fileHasErrors = diagnostics.HasErrors || file.Diagnostics.Any(d => d.IsError);
        parameters.ReportUnused(diagnostics, fileHasErrors ? file.Layout.Text : null);
        SourceChecks.Run(file, diagnostics);

        var model = new NetworkModel(file.Layout.Text.Path,
            parameters.Declarations.ToEquatableArray(),
            hosts.ToEquatableArray(), networks.ToEquatableArray(), containers.ToEquatableArray(),
            routers.ToEquatableArray(), firewalls.ToEquatableArray(), upstreams.ToEquatableArray(), expectations.ToEquatableArray(), project);
        // A broken expected path fails the build, on the line of its expect — when the whole file bound (else the path
        // would break at whatever did not bind, a knock-on of an error already reported).
        if (!diagnostics.HasErrors && !file.Diagnostics.Any(d => d.IsError) && context.Unbound.Count == 0 && model.Expectations.Count > 0)
        {
            var tracer = new Tracing.PathTracer(model);
            foreach (var expectation in model.Expectations)
            {
                var trace = tracer.Trace(expectation);
                if (expectation.Kind == ExpectationKind.Ping && !trace.Succeeded)
                    diagnostics.Report(DiagnosticDefinitions.PathBroken, expectation.Span, expectation.From, expectation.To, trace.BrokenAt, trace.Reason);
                // A blocked path holds only when the echo request never arrives: one that arrives and loses its reply
                // still reached the target.
                else if (expectation.Kind == ExpectationKind.NoPing && trace.DeliveredTo is { } reached)
                    diagnostics.Report(DiagnosticDefinitions.PathOpen, expectation.Span, expectation.From, expectation.To, reached,
                        trace.Succeeded ? " and its reply comes back" : $" ({trace.Reason})");
            }
        }
        return new BindResult(model, diagnostics.Items.ToEquatableArray(), context.Unbound.ToEquatableArray());
    }

    private static (BindingContext Context, List<DockerHost> Hosts, List<DockerNetwork> Networks) BindHostsAndNetworks(
        FileSyntax file, IReadOnlyDictionary<string, string> overrides)
    {
        var diagnostics = new DiagnosticBag();
        var statements = file.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);
        var parameters = ParameterTable.Build(Of(LetSyntax.Keyword), overrides, file.Layout, diagnostics);
        var context = new BindingContext(file.Layout, parameters, diagnostics);
        var hosts = Of(DockerHostSyntax.Keyword).Select(s => context.Bound(s, DockerHostSyntax.Keyword, HostBinder.Bind(context, s))).OfType<DockerHost>().ToList();
        var hostsByName = hosts.ToDictionary(h => h.Name);
        var networks = Of(NetworkSyntax.Keyword).Select(s => context.Bound(s, NetworkSyntax.Keyword, NetworkBinder.Bind(context, s, hostsByName))).OfType<DockerNetwork>().ToList();
        return (context, hosts, networks);
    }
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>The binder's output: a model (possibly partial when there are errors) and the diagnostics.</summary>
internal sealed record BindResult(NetworkModel Model, EquatableArray<NetDslDiagnostic> Diagnostics);

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
        return new ContainerEnvironment(context.Parameters.Values, withoutSpans.ToEquatableArray());
    }

    private static BindResult Complete(FileSyntax file, (BindingContext Context, List<DockerHost> Hosts, List<DockerNetwork> Networks) bound,
        IReadOnlyList<ContainerDraft> containerDrafts)
    {
        var (context, hosts, networks) = bound;
        var diagnostics = context.Diagnostics;
        var parameters = context.Parameters;
        var statements = file.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);

        var containers = ContainerBinder.Complete(context, containerDrafts, networks.ToDictionary(n => n.Name));
        var routers = Of(RouterSyntax.Keyword).Select(s => DeviceBinder.BindRouter(context, s)).OfType<Router>().ToList();
        var firewalls = Of(FirewallSyntax.Keyword).Select(s => DeviceBinder.BindFirewall(context, s)).OfType<Firewall>().ToList();
        var upstreams = Of(UpstreamSyntax.Keyword).Select(s => DeviceBinder.BindUpstream(context, s)).OfType<Upstream>().ToList();
        var expectations = Of(ExpectSyntax.Keyword).Select(s => ExpectBinder.Bind(context, s)).OfType<Expectation>().ToList();

        var declared = hosts.Select(h => ("hosts", h.Name, h.Span))
            .Concat(networks.Select(n => ("networks", n.Name, n.Span)))
            .Concat(containers.Select(c => ("containers", c.Name, c.Span)))
            .Concat(routers.Select(r => ("routers", r.Name, r.Span)))
            .Concat(firewalls.Select(f => ("firewalls", f.Name, f.Span)))
            .Concat(upstreams.Select(u => ("upstreams", u.Name, u.Span)))
            .Concat(firewalls.SelectMany(f => f.Nptv6Rules.Select(r => ("rules", r.Name, r.Span))))
            .Concat(parameters.Declarations.Select(p => ("parameters", p.Name, p.Span)));
        ConsistencyChecks.Run(context, hosts, networks, declared);
        parameters.ReportUnused(diagnostics);

        var model = new NetworkModel(file.Layout.Text.Path,
            parameters.Declarations.ToEquatableArray(),
            hosts.ToEquatableArray(), networks.ToEquatableArray(), containers.ToEquatableArray(),
            routers.ToEquatableArray(), firewalls.ToEquatableArray(), upstreams.ToEquatableArray(), expectations.ToEquatableArray());
        // A broken expected path fails the build, on the line of its expect.
        if (!diagnostics.HasErrors && model.Expectations.Count > 0)
        {
            var tracer = new Tracing.PathTracer(model);
            foreach (var expectation in model.Expectations)
            {
                var trace = tracer.Trace(expectation);
                if (!trace.Succeeded)
                    diagnostics.Report(DiagnosticDefinitions.PathBroken, expectation.Span, expectation.From, expectation.To, trace.BrokenAt, trace.Reason);
            }
        }
        return new BindResult(model, diagnostics.Items.ToEquatableArray());
    }

    private static (BindingContext Context, List<DockerHost> Hosts, List<DockerNetwork> Networks) BindHostsAndNetworks(
        FileSyntax file, IReadOnlyDictionary<string, string> overrides)
    {
        var diagnostics = new DiagnosticBag();
        var statements = file.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);
        var parameters = ParameterTable.Build(Of(LetSyntax.Keyword), overrides, file.Layout, diagnostics);
        var context = new BindingContext(file.Layout, parameters, diagnostics);
        var hosts = Of(DockerHostSyntax.Keyword).Select(s => HostBinder.Bind(context, s)).OfType<DockerHost>().ToList();
        var hostsByName = hosts.ToDictionary(h => h.Name);
        var networks = Of(NetworkSyntax.Keyword).Select(s => NetworkBinder.Bind(context, s, hostsByName)).OfType<DockerNetwork>().ToList();
        return (context, hosts, networks);
    }
}

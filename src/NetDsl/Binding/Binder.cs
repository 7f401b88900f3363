using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>
/// The binder's output: a model (possibly partial when there are errors) and the diagnostics. When containers were
/// kept in their statements' frames, <see cref="ContainerFrames"/> holds each container's frame (else it is empty).
/// </summary>
public sealed record BindResult(NetworkModel Model, EquatableArray<NetDslDiagnostic> Diagnostics, EquatableArray<SpanFrame> ContainerFrames = default);

/// <summary>
/// Syntax → model. Binds in dependency order (parameters, hosts, networks, containers, devices, expectations)
/// so a name is always declared before it is looked up, whatever the order in the file.
/// Container statements — tens of thousands in a large file — are bound in two stages: each on its own against the
/// parameters and networks (<see cref="ContainerBinder.Draft"/>), then all drafts in order (names, addresses). The
/// CLI runs the stages in a row (<see cref="Bind(FileSyntax, FileText, IReadOnlyDictionary{string, string})"/>); the
/// source generator caches one draft per statement and re-runs only the rest after an edit.
/// </summary>
public static class Binder
{
    public static BindResult Bind(FileSyntax tree, FileText source, IReadOnlyDictionary<string, string> overrides)
    {
        var others = WithoutContainers(tree);
        var bound = BindHostsAndNetworks(others, source, overrides);
        var environment = EnvironmentOf(bound.Context, bound.Networks);
        var drafts = tree.Statements.Where(IsContainer).Select(s => new PlacedDraft(ContainerBinder.Draft(environment, s), default)).ToList();
        return Complete(others, bound, drafts, keepContainerFrames: false);
    }

    public static bool IsContainer(SettingSyntax statement) => statement.Name == "container";

    /// <summary>One container statement bound on its own against <paramref name="environment"/> (spans as in the syntax).</summary>
    public static ContainerDraft DraftContainer(ContainerEnvironment environment, SettingSyntax statement) => ContainerBinder.Draft(environment, statement);

    /// <summary>The tree without its container statements (they are bound as drafts).</summary>
    public static FileSyntax WithoutContainers(FileSyntax tree) =>
        new(tree.Statements.Where(s => !IsContainer(s)).ToEquatableArray(), tree.Diagnostics);

    /// <summary>What container statements are bound against, from the file's other statements (no diagnostics: <see cref="Bind(FileSyntax, IReadOnlyList{PlacedDraft}, FileText, IReadOnlyDictionary{string, string}, bool)"/> reports them).</summary>
    public static ContainerEnvironment ContainerEnvironmentOf(FileSyntax others, FileText source, IReadOnlyDictionary<string, string> overrides)
    {
        var bound = BindHostsAndNetworks(others, source, overrides);
        return EnvironmentOf(bound.Context, bound.Networks);
    }

    private static ContainerEnvironment EnvironmentOf(BindingContext context, List<DockerNetwork> networks)
    {
        var withoutSpans = networks.Select(n => new DockerNetwork(n.Name, n.Host, n.Driver, n.Subnet6, n.Gateway6, n.IpRange6, n.Subnet4, n.Gateway4,
            n.BridgeName, n.Options, n.Labels, n.Bridge, default));
        return new ContainerEnvironment(context.Parameters.Values, withoutSpans.ToEquatableArray());
    }

    /// <summary>The file from its other statements and its container drafts (in declaration order, each with its frame).</summary>
    /// <param name="keepContainerFrames">Leave the containers' spans in their statements' frames (see <see cref="BindResult.ContainerFrames"/>).</param>
    public static BindResult Bind(FileSyntax others, IReadOnlyList<PlacedDraft> containerDrafts, FileText source, IReadOnlyDictionary<string, string> overrides,
        bool keepContainerFrames = false) =>
        Complete(others, BindHostsAndNetworks(others, source, overrides), containerDrafts, keepContainerFrames);

    private static BindResult Complete(FileSyntax others, (BindingContext Context, List<DockerHost> Hosts, List<DockerNetwork> Networks) bound,
        IReadOnlyList<PlacedDraft> containerDrafts, bool keepContainerFrames)
    {
        var (context, hosts, networks) = bound;
        var source = context.Source;
        var diagnostics = context.Diagnostics;
        var parameters = context.Parameters;
        var statements = others.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);

        var (containers, containerFrames) = ContainerBinder.Complete(context, containerDrafts, networks.ToDictionary(n => n.Name), hosts, keepContainerFrames);
        SourceSpan InFile(int i) => containerFrames.Count == 0 ? containers[i].Span : containerFrames[i].ToFile(containers[i].Span);
        var routers = Of("router").Select(s => DeviceBinder.BindRouter(context, s)).OfType<Router>().ToList();
        var firewalls = Of("firewall").Select(s => DeviceBinder.BindFirewall(context, s)).OfType<Firewall>().ToList();
        var upstreams = Of("upstream").Select(s => DeviceBinder.BindUpstream(context, s)).OfType<Upstream>().ToList();
        var expectations = Of("expect").Select(s => ExpectBinder.Bind(context, s)).OfType<Expectation>().ToList();

        var declared = hosts.Select(h => ("hosts", h.Name, h.Span))
            .Concat(networks.Select(n => ("networks", n.Name, n.Span)))
            .Concat(containers.Select((c, i) => ("containers", c.Name, InFile(i))))
            .Concat(routers.Select(r => ("routers", r.Name, r.Span)))
            .Concat(firewalls.Select(f => ("firewalls", f.Name, f.Span)))
            .Concat(upstreams.Select(u => ("upstreams", u.Name, u.Span)))
            .Concat(firewalls.SelectMany(f => f.Nptv6Rules.Select(r => ("rules", r.Name, r.Span))))
            .Concat(parameters.Declarations.Select(p => ("parameters", p.Name, p.Span)));
        ConsistencyChecks.Run(context, hosts, networks, declared);
        EngineChecks.Run(context, hosts, networks);
        parameters.ReportUnused(diagnostics);

        var model = new NetworkModel(source.Path,
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
        return new BindResult(model, diagnostics.Items.ToEquatableArray(), containerFrames.ToEquatableArray());
    }

    private static (BindingContext Context, List<DockerHost> Hosts, List<DockerNetwork> Networks) BindHostsAndNetworks(
        FileSyntax tree, FileText source, IReadOnlyDictionary<string, string> overrides)
    {
        var diagnostics = new DiagnosticBag();
        var statements = tree.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);
        var parameters = ParameterTable.Build(Of("let"), overrides, source, diagnostics);
        var context = new BindingContext(source, parameters, diagnostics);
        var hosts = Of("docker-host").Select(s => HostBinder.Bind(context, s)).OfType<DockerHost>().ToList();
        var hostsByName = hosts.ToDictionary(h => h.Name);
        var networks = Of("network").Select(s => NetworkBinder.Bind(context, s, hostsByName)).OfType<DockerNetwork>().ToList();
        return (context, hosts, networks);
    }
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>The binder's output: a model (possibly partial when there are errors) and the diagnostics.</summary>
public sealed record BindResult(NetworkModel Model, EquatableArray<Diagnostic> Diagnostics);

/// <summary>
/// Syntax → model. Binds in dependency order (parameters, hosts, networks, containers, devices, expectations)
/// so a name is always declared before it is looked up, whatever the order in the file.
/// </summary>
public static class Binder
{
    public static BindResult Bind(SyntaxTree tree, SourceText source, IReadOnlyDictionary<string, string> overrides)
    {
        var diagnostics = new DiagnosticBag();
        var statements = tree.Statements;
        IEnumerable<SettingSyntax> Of(string keyword) => statements.Where(s => s.Name == keyword);

        var parameters = ParameterTable.Build(Of("let"), overrides, source, diagnostics);
        var context = new BindingContext(source, parameters, diagnostics);

        var hosts = Of("docker-host").Select(s => HostBinder.Bind(context, s)).OfType<DockerHost>().ToList();
        var hostsByName = hosts.ToDictionary(h => h.Name);
        var networks = Of("network").Select(s => NetworkBinder.Bind(context, s, hostsByName)).OfType<DockerNetwork>().ToList();
        var containers = ContainerBinder.BindAll(context, Of("container"), networks.ToDictionary(n => n.Name));
        var routers = Of("router").Select(s => DeviceBinder.BindRouter(context, s)).OfType<Router>().ToList();
        var firewalls = Of("firewall").Select(s => DeviceBinder.BindFirewall(context, s)).OfType<Firewall>().ToList();
        var upstreams = Of("upstream").Select(s => DeviceBinder.BindUpstream(context, s)).OfType<Upstream>().ToList();
        var expectations = Of("expect").Select(s => ExpectBinder.Bind(context, s)).OfType<Expectation>().ToList();

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
                    diagnostics.Report(DiagnosticDescriptors.PathBroken, expectation.Span, expectation.From, expectation.To, trace.BrokenAt, trace.Reason);
            }
        }
        return new BindResult(model, diagnostics.Items.ToEquatableArray());
    }
}

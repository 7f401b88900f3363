using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Targets;

/// <summary>
/// <c>&lt;host&gt;/netdsl-nptv6-&lt;rule&gt;.service</c>: the systemd unit that runs NetDsl's NPTv6 gateway for each
/// <c>nptv6 … translator netdsl</c> rule of a docker-host. The text is the core's (<see cref="Nptv6GatewayService.Unit"/>),
/// the same apply installs; here <c>ExecStart</c> names <c>netdsl</c>, found in systemd's search path
/// (/usr/local/bin and the like), where apply writes the path of the netdsl that ran it.
/// </summary>
public sealed class Nptv6GatewayUnitRenderer : IArtifactRenderer
{
    public string Name => "nptv6-gateway";

    public RenderResult Render(NetworkModel model)
    {
        var guard = new TextGuard("a systemd unit");
        var artifacts = new List<Artifact>();
        foreach (var service in Nptv6GatewayService.All(model))
        {
            guard.Text(service.Rule.Name, "NPTv6 rule name", service.Rule.Span);
            guard.Text(service.Rule.Interface, "interface", service.Rule.Span);
            artifacts.Add(new Artifact(service.Host, service.UnitName, service.Unit(new[] { "netdsl" }, System.IO.Path.GetFileName(model.SourcePath))));
        }
        return guard.Result(artifacts);
    }
}

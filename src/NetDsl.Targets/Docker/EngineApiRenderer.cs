using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Targets.Docker;

/// <summary>
/// <c>&lt;host&gt;/engine-api.*.json</c>: the Engine API 1.41 request bodies apply sends, one file per call, named
/// after the call (<c>01-network-create.br_ipv6_nw.json</c> → POST /v1.41/networks/create;
/// <c>container-create.NAME.json</c> → POST /v1.41/containers/create?name=NAME; <c>network-connect.C.N.json</c> →
/// POST /v1.41/networks/N/connect). The number keeps the plan's order.
/// </summary>
public sealed class EngineApiRenderer : IArtifactRenderer
{
    public string Name => "engine-api";

    public RenderResult Render(NetworkModel model) => RenderResult.Success(Artifacts(model));

    private static IEnumerable<Artifact> Artifacts(NetworkModel model)
    {
        var plan = ApplyPlanner.Plan(model);
        int i = 0;
        foreach (var step in plan.Steps)
        {
            switch (step)
            {
                case CreateNetworkStep n:
                    yield return File(n.Device, ++i, "network-create." + n.Network.Name, WireJson.Serialize(EngineRequests.CreateNetwork(n, plan.SourcePath)));
                    break;
                case CreateContainerStep c:
                    yield return File(c.Device, ++i, "container-create." + c.Container.Name, WireJson.Serialize(EngineRequests.CreateContainer(c, plan.SourcePath)));
                    break;
                case ConnectNetworkStep k:
                    yield return File(k.Device, ++i, "network-connect." + k.Container + "." + k.Attachment.Network, WireJson.Serialize(EngineRequests.Connect(k.Container, k.Attachment)));
                    break;
            }
        }
    }

    private static Artifact File(string device, int index, string name, string json) =>
        new(device, "engine-api." + index.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "-" + name + ".json", json);
}

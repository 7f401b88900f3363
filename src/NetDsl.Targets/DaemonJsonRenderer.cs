using System.Collections.Generic;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>
/// <c>&lt;host&gt;/daemon.json</c>: the owned keys of each Docker host that sets any (seed:
/// <c>{"ipv6": true, "fixed-cidr-v6": "2001:db8:1::/64"}</c>). Not a Scriban template: JSON is written by a
/// JSON writer, which escapes strings instead of refusing them, and keeps the key order fixed.
/// </summary>
public sealed class DaemonJsonRenderer : IArtifactRenderer
{
    public const string FileName = "daemon.json";

    public string Name => "daemon-json";

    public RenderResult Render(NetworkModel model)
    {
        var artifacts = new List<Artifact>();
        foreach (var host in model.Hosts)
        {
            var keys = DaemonJson.OwnedKeys(host.Daemon);
            if (keys.Count == 0) continue;
            artifacts.Add(new Artifact(host.Name, FileName, DaemonJson.Format(keys)));
        }
        return RenderResult.Success(artifacts);
    }
}

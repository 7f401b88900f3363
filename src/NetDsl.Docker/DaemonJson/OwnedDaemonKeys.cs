using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.Model;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// The daemon.json keys NetDsl owns and their values for one host, as the targets library renders them
/// (<see cref="NetDsl.Targets.DaemonJson.OwnedKeys"/>): the merge writes exactly what `netdsl emit` shows.
/// A null setting is not owned: an existing value of that key is kept as it is.
/// </summary>
public static class OwnedDaemonKeys
{
    public static IReadOnlyList<KeyValuePair<string, JsonNode>> For(DaemonSettings d) =>
        NetDsl.Targets.DaemonJson.OwnedKeys(d).Select(kv => new KeyValuePair<string, JsonNode>(kv.Key, kv.Value!.DeepClone())).ToList();
}

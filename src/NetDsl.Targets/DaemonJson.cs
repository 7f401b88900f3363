using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>
/// The daemon.json keys NetDsl owns, as JSON. Used twice: <see cref="DaemonJsonRenderer"/> writes them as the
/// whole file, and apply merges them into a host's existing /etc/docker/daemon.json (the seed: "if daemon.json
/// already exists, add these keys") without touching any other key.
/// </summary>
public static class DaemonJson
{
    /// <summary>
    /// The owned keys of <paramref name="settings"/> (<see cref="DaemonSettings.Entries"/>), in the engine table's
    /// order: ipv6, fixed-cidr-v6, ip6tables, experimental, live-restore, default-address-pools. A setting left
    /// unset (null, or no pools) is absent, so a merge keeps whatever value the existing file has for it.
    /// </summary>
    /// <remarks>
    /// To merge: for each property of the result, replace (or add) that key in the existing object with a
    /// <c>DeepClone()</c> of the value; leave every other key alone. Restart, not reload, after a change to a key
    /// whose <see cref="NetDsl.Engines.DaemonKey.NeedsRestart"/> is set. The result is a new object each call:
    /// callers may mutate it.
    /// </remarks>
    public static JsonObject OwnedKeys(DaemonSettings settings)
    {
        var json = new JsonObject();
        foreach (var entry in settings.Entries()) json[entry.Key.Name] = Value(entry.Value);
        return json;
    }

    private static JsonNode Value(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        EquatableArray<AddressPool> pools => new JsonArray(pools.Select(p => (JsonNode)new JsonObject { ["base"] = p.Base.ToString(), ["size"] = p.Size }).ToArray()),
        _ => JsonValue.Create(value.ToString() ?? ""),
    };

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>daemon.json layout: 2-space indent, '\n' line ends, a final newline. Strings are JSON-escaped.</summary>
    public static string Format(JsonNode json) => json.ToJsonString(FileOptions) + "\n";
}

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
    /// The owned keys of <paramref name="settings"/>, in a fixed order: ipv6, fixed-cidr-v6, ip6tables,
    /// experimental, live-restore, default-address-pools. A setting left unset (null, or no pools) is absent,
    /// so a merge keeps whatever value the existing file has for it.
    /// </summary>
    /// <remarks>
    /// To merge: for each property of the result, replace (or add) that key in the existing object with a
    /// <c>DeepClone()</c> of the value; leave every other key alone. Restart, not reload, after a change to any
    /// of <see cref="DaemonSettings.RestartKeys"/>. The result is a new object each call: callers may mutate it.
    /// </remarks>
    public static JsonObject OwnedKeys(DaemonSettings settings)
    {
        var json = new JsonObject();
        if (settings.Ipv6 is { } ipv6) json["ipv6"] = ipv6;
        if (settings.FixedCidrV6 is { } cidr) json["fixed-cidr-v6"] = cidr.ToString();
        if (settings.Ip6Tables is { } ip6tables) json["ip6tables"] = ip6tables;
        if (settings.Experimental is { } experimental) json["experimental"] = experimental;
        if (settings.LiveRestore is { } liveRestore) json["live-restore"] = liveRestore;
        if (!settings.DefaultAddressPools.IsEmpty)
        {
            var pools = new JsonArray();
            foreach (var pool in settings.DefaultAddressPools)
                pools.Add(new JsonObject { ["base"] = pool.Base.ToString(), ["size"] = pool.Size });
            json["default-address-pools"] = pools;
        }
        return json;
    }

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
    };

    /// <summary>daemon.json layout: 2-space indent, '\n' line ends, a final newline. Strings are JSON-escaped.</summary>
    public static string Format(JsonNode json) => json.ToJsonString(FileOptions) + "\n";
}

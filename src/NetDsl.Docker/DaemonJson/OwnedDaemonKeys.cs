using System.Collections.Generic;
using System.Text.Json.Nodes;
using NetDsl.Model;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// The daemon.json keys NetDsl owns and their values for one host. Kept in this one file on purpose: when the
/// targets library's <c>NetDsl.Targets.DaemonJson.OwnedKeys</c> lands, this body becomes a call to it.
/// A null setting is not owned here: an existing value of that key is kept as it is.
/// </summary>
public static class OwnedDaemonKeys
{
    public static IReadOnlyList<KeyValuePair<string, JsonNode>> For(DaemonSettings d)
    {
        var keys = new List<KeyValuePair<string, JsonNode>>();
        if (d.Ipv6 is { } ipv6) keys.Add(new("ipv6", JsonValue.Create(ipv6)));
        if (d.FixedCidrV6 is { } cidr) keys.Add(new("fixed-cidr-v6", JsonValue.Create(cidr.ToString())));
        if (d.Ip6Tables is { } ip6t) keys.Add(new("ip6tables", JsonValue.Create(ip6t)));
        if (d.Experimental is { } exp) keys.Add(new("experimental", JsonValue.Create(exp)));
        if (d.LiveRestore is { } lr) keys.Add(new("live-restore", JsonValue.Create(lr)));
        if (!d.DefaultAddressPools.IsEmpty)
        {
            var pools = new JsonArray();
            foreach (var p in d.DefaultAddressPools) pools.Add(new JsonObject { ["base"] = p.Base.ToString(), ["size"] = p.Size });
            keys.Add(new("default-address-pools", pools));
        }
        return keys;
    }
}

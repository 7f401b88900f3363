using System.Collections.Generic;
using System.Text.Json.Nodes;
using NetDsl.Addressing;
using NetDsl.Docker.DaemonJson;
using NetDsl.Model;

namespace NetDsl.Fuzz.Targets;

/// <summary>
/// The daemon.json merge `plan` and `apply` run on the operator's existing file. Promises: it answers (an error
/// or a merged text) without throwing, and a merged text is a JSON object holding NetDsl's keys with its values.
/// </summary>
public static class DaemonJsonTarget
{
    private static readonly DaemonSettings Settings = new(true, IpPrefix.Parse("2001:db8:1::/64"), true, true, null,
        EquatableArray.Of(new AddressPool(IpPrefix.Parse("fd00:100::/48"), 64)), Iptables: null, Bip6: null, FirewallBackend: null, default);

    public static void Run(byte[] input)
    {
        string text = FrontDoorTarget.Decode(input);
        var result = DaemonJsonMerge.Merge(text, Settings);
        if (result.Error is not null) return;
        JsonNode? merged;
        try
        {
            merged = JsonNode.Parse(result.Text);
        }
        catch (System.Text.Json.JsonException e)
        {
            // An unchanged file keeps its bytes, comments included.
            if (!result.Changed) return;
            throw new FuzzFinding("merged text is not JSON: " + e.Message);
        }
        if (merged is not JsonObject obj) throw new FuzzFinding("merged text is not a JSON object");
        foreach (KeyValuePair<string, JsonNode> owned in OwnedDaemonKeys.For(Settings))
        {
            if (!JsonNode.DeepEquals(obj[owned.Key], owned.Value)) throw new FuzzFinding("merged text lost key " + owned.Key);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using NetDsl.Addressing;
using NetDsl.Docker.Engine;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>Something that would make apply fail halfway (or stop the engine): found before anything is changed.</summary>
public sealed record PreflightProblem(string What, string Message)
{
    public override string ToString() => What + ": " + Message;
}

/// <summary>
/// Checks, before anything is removed or created, what the engine would refuse: images that are not there, subnets
/// that overlap a network the engine keeps, bridge names another network uses. A replace then never removes an
/// object whose successor cannot be created, and plan shows these as errors.
/// </summary>
public static class Preflight
{
    public static async Task<IReadOnlyList<PreflightProblem>> CheckAsync(EngineClient engine, LiveState state, ApplyPlan plan, string host,
        IReadOnlyList<ObjectDecision> decisions, CancellationToken ct)
    {
        var problems = new List<PreflightProblem>();
        var changing = decisions.Where(d => d.Action is ObjectAction.Create or ObjectAction.Replace).Select(d => d.Kind + "/" + d.Name).ToHashSet();
        var replacedNetworks = decisions.Where(d => d.Kind == "network" && d.Action == ObjectAction.Replace).Select(d => d.Name).ToHashSet();

        var images = plan.StepsOn(host).OfType<CreateContainerStep>().Where(s => changing.Contains("container/" + s.Container.Name))
            .GroupBy(s => s.Container.Image, StringComparer.Ordinal);
        foreach (var image in images)
            if (!await ImageExistsAsync(engine, image.Key, ct))
                problems.Add(new PreflightProblem("container " + string.Join(", ", image.Select(s => s.Container.Name)),
                    $"image {image.Key} is not on the engine; pull or import it first (docker pull {image.Key}), or choose another with --set"));

        // The networks that stay: everything live except ours that a replace removes.
        var staying = state.Networks.Where(n => !replacedNetworks.Contains(n.Name)).ToList();
        foreach (var step in plan.StepsOn(host).OfType<CreateNetworkStep>().Where(s => changing.Contains("network/" + s.Network.Name)))
        {
            var n = step.Network;
            var declared = new[] { (IpPrefix?)n.Subnet6, n.Subnet4 }.Where(p => p is not null).Select(p => p!.Value).ToList();
            foreach (var live in staying.Where(l => l.Name != n.Name))
            {
                foreach (var subnet in LiveSubnets(live))
                    foreach (var d in declared.Where(d => d.Overlaps(subnet)))
                        problems.Add(new PreflightProblem("network " + n.Name,
                            $"subnet {d} overlaps {subnet} of network {live.Name} on the engine, which would refuse it (\"Pool overlaps\"); choose another subnet or remove {live.Name}"));
                if (BridgeName(n.Options.ToDictionary(o => o.Key, o => o.Value)) is { } bridge && bridge == BridgeName(live.Options))
                    problems.Add(new PreflightProblem("network " + n.Name, $"bridge name {bridge} is already used by network {live.Name}; choose another bridge-name"));
            }
        }
        return problems;
    }

    /// <summary>
    /// What would stop dockerd at the restart this apply causes: a <c>fixed-cidr-v6</c> (the default bridge's pool)
    /// that overlaps another network the engine has ("Pool overlaps" at start: every container stays stopped).
    /// The running bridge itself is not counted; a network this apply creates is checked by the binder.
    /// </summary>
    public static IReadOnlyList<PreflightProblem> CheckDaemonJson(LiveState state, System.Text.Json.Nodes.JsonObject? merged, bool restarts)
    {
        var problems = new List<PreflightProblem>();
        if (!restarts || merged is null) return problems;
        if (merged["fixed-cidr-v6"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) && IpPrefix.TryParse(text, out var cidr))
            foreach (var live in state.Networks.Where(n => n.Name != "bridge"))
                foreach (var subnet in LiveSubnets(live).Where(s => s.Overlaps(cidr)))
                    problems.Add(new PreflightProblem("daemon.json fixed-cidr-v6",
                        $"{cidr} overlaps {subnet} of network {live.Name}: dockerd would refuse to start after the restart (\"Pool overlaps\") and every container would stay stopped; choose another fixed-cidr-v6 or remove {live.Name}"));
        return problems;
    }

    /// <summary>
    /// <c>default-address-pools</c> that overlap a network the engine already has. dockerd starts with them (its
    /// allocator skips every pool subnet that overlaps an existing network: libnetwork ipam getPredefinedPool), but
    /// fewer subnets remain than the pool suggests; when none remains for IPv4 and docker0 has no address yet, the
    /// default bridge cannot be made and dockerd stops ("could not find an available, non-overlapping IPv4 address
    /// pool"). One line per overlap, for plan to show as a warning. Pools that are not well formed are the key check's.
    /// </summary>
    public static IReadOnlyList<string> PoolOverlaps(LiveState state, System.Text.Json.Nodes.JsonObject merged) =>
        PoolOverlaps(state.Networks.Select(n => (n.Name, LiveSubnets(n).ToList())), merged);

    public static IReadOnlyList<string> PoolOverlaps(IEnumerable<(string Name, List<IpPrefix> Subnets)> networks, System.Text.Json.Nodes.JsonObject merged)
    {
        var warnings = new List<string>();
        if (merged["default-address-pools"] is not System.Text.Json.Nodes.JsonArray pools) return warnings;
        var live = networks.ToList();
        foreach (var pool in pools.OfType<System.Text.Json.Nodes.JsonObject>())
        {
            if (pool["base"] is not System.Text.Json.Nodes.JsonValue b || !b.TryGetValue<string>(out var text) || !IpPrefix.TryParse(text, out var @base)) continue;
            var taken = live.SelectMany(n => n.Subnets.Where(s => s.Overlaps(@base)).Select(s => $"{s} of network {n.Name}")).ToList();
            if (taken.Count > 0)
                warnings.Add($"daemon.json default-address-pools: pool {@base} overlaps {string.Join(", ", taken)}; the engine skips those subnets when it picks one for a new network (choose a pool that does not overlap to keep all of it)");
        }
        return warnings;
    }

    /// <summary>The IPv4 and IPv6 subnets a live network holds (malformed entries are skipped).</summary>
    public static IEnumerable<IpPrefix> LiveSubnets(NetworkResponse n) =>
        (n.IPAM?.Config ?? new List<IPAMConfig>())
        .Select(c => IpPrefix.TryParse(c.Subnet, out var p) ? (IpPrefix?)p : null)
        .Where(p => p is not null).Select(p => p!.Value);

    private static string? BridgeName(IDictionary<string, string>? options) =>
        options is not null && options.TryGetValue("com.docker.network.bridge.name", out var b) ? b : null;

    private static async Task<bool> ImageExistsAsync(EngineClient engine, string image, CancellationToken ct)
    {
        try
        {
            await engine.Docker.Images.InspectImageAsync(image, ct);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}

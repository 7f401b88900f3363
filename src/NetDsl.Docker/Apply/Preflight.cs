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

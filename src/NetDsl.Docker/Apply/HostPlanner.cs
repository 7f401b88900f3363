using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Docker.DaemonJson;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>Where apply acts: the engine, the daemon.json to merge (local engines only), the host shell, --replace.</summary>
public sealed record ApplyOptions(string? DaemonJsonPath, HostShell Shell, bool Replace = false, string? RestartCommand = null, int Parallelism = 8)
{
    public const string DefaultDaemonJson = "/etc/docker/daemon.json";
}

/// <summary>Reads the live system (engine lists, daemon.json, sysctls, nft) and builds the <see cref="HostPlan"/>. Changes nothing.</summary>
public static class HostPlanner
{
    public static async Task<HostPlan> PlanAsync(EngineClient engine, ApplyPlan plan, DockerHost host, ApplyOptions options, CancellationToken ct = default)
    {
        var state = await LiveState.ReadAsync(engine, ct);
        ApiNegotiation.RequireKind(engine.Identity!, host.Engine, host.Name, engine.Endpoint);
        ApiNegotiation.RequireApiFor(engine.Identity!, plan.StepsOn(host.Name).OfType<CreateNetworkStep>().Select(s => s.Network), engine.Endpoint);
        var decisions = await Reconciler.DecideAsync(engine, state, plan, host.Name, options.Replace, ct);
        var steps = plan.StepsOn(host.Name).ToList();

        DaemonJsonMergeResult? merge = null;
        string? daemonNote = null;
        string? path = null;
        var restartKeys = new List<string>();
        string? restartReason = null;
        var write = steps.OfType<WriteDaemonJsonStep>().FirstOrDefault();
        if (write is not null)
        {
            if (engine.Endpoint.IsLocal)
            {
                path = options.DaemonJsonPath ?? ApplyOptions.DefaultDaemonJson;
                merge = DaemonJsonPlanner.Plan(write, path);
                restartKeys.AddRange(merge.RestartKeys);
                if (restartKeys.Count > 0) restartReason = "daemon.json changes " + string.Join(", ", restartKeys);
            }
            else
                daemonNote = $"the engine {engine.Endpoint} is remote: render daemon.json with `netdsl emit` and install it on that machine by hand, then restart its engine";
            // A previous apply may have written the file without the restart: the default bridge shows what runs.
            foreach (var k in RunningDiffers(state, write.Settings).Where(k => !restartKeys.Contains(k)))
            {
                restartKeys.Add(k);
                restartReason = (restartReason is null ? "" : restartReason + "; ") + "the running engine does not have " + k + " yet";
            }
        }

        bool liveRestore = merge is not null && merge.Error is null && System.Text.Json.Nodes.JsonNode.Parse(merge.Text) is System.Text.Json.Nodes.JsonObject o
                           && o["live-restore"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var stopped = restartKeys.Count > 0 && !liveRestore
            ? state.Containers.Where(c => c.State == "running").Select(c => c.Names.First().TrimStart('/')).OrderBy(n => n, StringComparer.Ordinal).ToList()
            : new List<string>();

        var sysctls = new List<SysctlChange>();
        var nft = new List<LoadNftablesStep>();
        var notes = new List<string>();
        if (engine.Endpoint.IsLocal)
        {
            foreach (var s in steps.OfType<SetSysctlStep>())
            {
                var current = await SysctlSetter.ReadAsync(options.Shell, s.Name);
                if (current != s.Value) sysctls.Add(new SysctlChange(s, current));
            }
            foreach (var n in steps.OfType<LoadNftablesStep>())
                if (!await NftablesLoader.IsCurrentAsync(options.Shell, n)) nft.Add(n);
        }
        else if (steps.Any(s => s is SetSysctlStep or LoadNftablesStep))
            notes.Add("sysctls and nftables of a remote host are not applied: install the rendered files on it by hand");

        return new HostPlan(host.Name, decisions, path, merge, daemonNote, restartKeys, restartReason, stopped, sysctls, nft, notes,
            plan.Steps.OfType<PushDeviceConfigStep>().ToList());
    }

    /// <summary>
    /// Restart keys whose effect the running engine does not show: the default bridge "bridge" carries
    /// <c>ipv6</c> (EnableIPv6) and <c>fixed-cidr-v6</c> (its IPv6 subnet) as the engine started with them.
    /// </summary>
    private static IEnumerable<string> RunningDiffers(LiveState state, DaemonSettings d)
    {
        var bridge = state.Networks.FirstOrDefault(n => n.Name == "bridge" && n.Driver == "bridge");
        if (bridge is null) yield break;
        if (d.Ipv6 is { } ipv6 && bridge.EnableIPv6 != ipv6) yield return "ipv6";
        if (d.FixedCidrV6 is { } cidr && d.Ipv6 == true)
        {
            var subnets = bridge.IPAM?.Config?.Select(c => Observed.Canonical(c.Subnet ?? "")) ?? Enumerable.Empty<string>();
            if (!subnets.Contains(cidr.ToString())) yield return "fixed-cidr-v6";
        }
    }
}

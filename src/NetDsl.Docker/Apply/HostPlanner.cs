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
/// <param name="StopTimeoutOrDefault">How long an old container replaced by --replace gets to stop before it is killed.</param>
/// <param name="EngineLog">A file holding the engine's log (its last fatal line explains a failed restart); default: the journal.</param>
/// <param name="OwnerIsProject">The file names its owner with a <c>project</c> statement (else its file name is the owner, see <see cref="Orphans"/>).</param>
/// <param name="RestartWaitOrDefault">How long to wait for the engine after the restart command (default 60 s).</param>
/// <param name="NetDsl">How to start netdsl for the host's NPTv6 gateways (the CLI passes itself); null: <c>netdsl</c> from the PATH.</param>
public sealed record ApplyOptions(string? DaemonJsonPath, HostShell Shell, bool Replace = false, string? RestartCommand = null, int Parallelism = 8,
    TimeSpan? StopTimeoutOrDefault = null, string? EngineLog = null, TimeSpan? RestartWaitOrDefault = null, bool OwnerIsProject = false,
    IReadOnlyList<string>? NetDsl = null)
{
    public TimeSpan StopTimeout => StopTimeoutOrDefault ?? TimeSpan.FromSeconds(10);

    /// <summary>How long apply waits for the engine to answer after the restart command returned.</summary>
    public TimeSpan RestartWait => RestartWaitOrDefault ?? TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> NetDslCommand => NetDsl ?? new[] { "netdsl" };

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
        var problems = (await Preflight.CheckAsync(engine, state, plan, host.Name, decisions, ct)).ToList();
        var (orphans, ownerWarning) = Orphans.Find(state, plan, host.Name, options.OwnerIsProject);
        var steps = plan.StepsOn(host.Name).ToList();

        DaemonJsonMergeResult? merge = null;
        string? daemonNote = null;
        string? path = null;
        var restartKeys = new List<string>();
        string? restartReason = null;
        var write = steps.OfType<WriteDaemonJsonStep>().FirstOrDefault();
        if (write is not null)
        {
            if (engine.Endpoint.ReachesHost)
            {
                path = options.DaemonJsonPath ?? ApplyOptions.DefaultDaemonJson;
                merge = DaemonJsonPlanner.Plan(write, path, options.Shell.Files);
                restartKeys.AddRange(merge.RestartKeys);
                if (restartKeys.Count > 0) restartReason = "daemon.json changes " + string.Join(", ", restartKeys);
            }
            else
                daemonNote = $"the engine {engine.Endpoint} is remote and NetDsl has no login there: render daemon.json with `netdsl emit` and install it on that machine by hand, then restart its engine (or reach it as ssh://user@host, and NetDsl writes it over SFTP)";
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

        problems.AddRange(Preflight.CheckDaemonJson(state, merge?.Parsed, restartKeys.Count > 0));
        var warnings = new List<string>();
        // Whenever NetDsl writes the file or restarts the engine, every key of the merged file (the host's too) must be
        // one the running engine's release knows, with a value of the right type: otherwise dockerd stops at its next start.
        if (merge is { Error: null } && path is not null && (merge.Changed || restartKeys.Count > 0) && merge.Parsed is { } mergedJson)
        {
            foreach (var k in DaemonKeyCheck.Check(merge.Original, mergedJson, engine.Identity!.Release, path))
                problems.Add(new PreflightProblem("daemon.json \"" + k.Key + "\"", k.Message));
            warnings.AddRange(Preflight.PoolOverlaps(state, mergedJson));
        }

        var sysctls = new List<SysctlChange>();
        var nft = new List<LoadNftablesStep>();
        var nftRemovals = new List<string>();
        var notes = new List<string>();
        if (engine.Endpoint.ReachesHost)
        {
            foreach (var s in steps.OfType<SetSysctlStep>())
            {
                var current = await SysctlSetter.ReadAsync(options.Shell, s.Name);
                if (current != s.Value) sysctls.Add(new SysctlChange(s, current));
            }
            foreach (var n in steps.OfType<LoadNftablesStep>())
                if (!await NftablesLoader.IsCurrentAsync(options.Shell, n)) nft.Add(n);
            var declaredFamilies = steps.OfType<LoadNftablesStep>().Select(n => n.Family).ToHashSet();
            foreach (var family in new[] { "ip", "ip6" }.Where(f => !declaredFamilies.Contains(f)))
                if (await NftablesLoader.IsOursAsync(options.Shell, family)) nftRemovals.Add(family);
        }
        else if (steps.Any(s => s is SetSysctlStep or LoadNftablesStep))
            notes.Add("sysctls and nftables of a remote host NetDsl has no login on are not applied: install the rendered files on it by hand (or reach it as ssh://user@host)");

        var gateways = new List<GatewayChange>();
        if (engine.Endpoint.IsLocal)
        {
            var runner = new Nptv6GatewayRunner(options.Shell, options.NetDslCommand, plan.SourcePath);
            foreach (var g in steps.OfType<RunNptv6GatewayStep>())
                if (await runner.DifferenceAsync(g.Service) is { } current) gateways.Add(new GatewayChange(g, current));
        }
        else if (steps.Any(s => s is RunNptv6GatewayStep))
            notes.Add("NetDsl's NPTv6 gateways of a remote host are not started: install the rendered netdsl-nptv6-*.service units on it by hand");

        return new HostPlan(host.Name, decisions, path, merge, daemonNote, restartKeys, restartReason, stopped, sysctls, nft, notes,
            plan.Steps.OfType<PushDeviceConfigStep>().ToList(), problems, orphans, nftRemovals, ownerWarning, Orphans.AsideLeftovers(state, plan, host.Name)) { Gateways = gateways, Warnings = warnings };
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

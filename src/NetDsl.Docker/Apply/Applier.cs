using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Targets.Docker;
using NetDsl.Docker.DaemonJson;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Docker.Processes;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>
/// Executes a <see cref="HostPlan"/>: daemon.json, restart, sysctls, old objects set aside for --replace
/// (<see cref="Replacement"/>), networks (in parallel), containers (each created, connected and started, in parallel),
/// nftables, NetDsl's NPTv6 gateways. Refuses to start when any object drifts or is not ours, or a preflight check fails. A failure stops the later phases; the report says what was and was not done, and a re-run converges
/// because every decision is re-read from the engine.
/// </summary>
public sealed class Applier
{
    private readonly EngineClient _engine;
    private readonly ApplyOptions _options;
    private readonly List<StepOutcome> _outcomes = new();

    /// <summary>
    /// Set by SIGINT/SIGTERM (the CLI's token): checked only at safe points — before each engine call, file write or
    /// phase. A call already sent is never cancelled (its outcome would be unknown), a restart in progress is finished
    /// (and undone if the engine does not come back), and a replace in progress is rolled back.
    /// </summary>
    private CancellationToken _stop;

    public Applier(EngineClient engine, ApplyOptions options)
    {
        _engine = engine;
        _options = options;
    }

    public async Task<ApplyReport> ApplyAsync(ApplyPlan plan, DockerHost host, HostPlan hostPlan, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        _stop = ct;
        // Idempotent (planning connected already); the stop token is for safe points, not for this read.
        await _engine.ConnectAsync(CancellationToken.None);
        int callsBefore = _engine.MutatingCalls;
        if (hostPlan.HasErrors)
        {
            foreach (var o in hostPlan.Objects.Where(o => o.IsError))
                _outcomes.Add(new StepOutcome(o.Kind + " " + o.Name, StepStatus.Failed, Explain(o)));
            if (hostPlan.DaemonJson?.Error is { } e) _outcomes.Add(new StepOutcome("daemon.json", StepStatus.Failed, e));
            foreach (var problem in hostPlan.Problems) _outcomes.Add(new StepOutcome(problem.What, StepStatus.Failed, problem.Message));
            _outcomes.Add(new StepOutcome("everything else", StepStatus.NotAttempted, "nothing was changed"));
            return Report(clock, callsBefore);
        }

        if (hostPlan.Aside.Count > 0)
        {
            // Before anything else: an interrupted replace's old container takes its name back; decisions are read anew.
            foreach (var aside in hostPlan.Aside)
                if (!await MutateAlwaysAsync($"rename {aside.Name} back to {aside.Name[..^Replacement.AsideSuffix.Length]} (left by an interrupted replace)",
                        () => _engine.Docker.Containers.RenameContainerAsync(aside.Id, new ContainerRenameParameters { NewName = aside.Name[..^Replacement.AsideSuffix.Length] }, CancellationToken.None)))
                    return Report(clock, callsBefore);
            hostPlan = await HostPlanner.PlanAsync(_engine, plan, host, _options, CancellationToken.None);
            if (hostPlan.HasErrors) return await ApplyAsync(plan, host, hostPlan, ct);
        }

        bool ok = !Interrupted("daemon.json and everything after it") && await DaemonJsonAsync(hostPlan);
        if (ok) (ok, hostPlan) = await RestartAsync(plan, host, hostPlan);
        if (!ok || !await SysctlsAsync(hostPlan))
        {
            _outcomes.Add(new StepOutcome("networks and containers", StepStatus.NotAttempted, _stop.IsCancellationRequested ? "interrupted" : null));
            return Report(clock, callsBefore);
        }
        if (await ObjectsAsync(plan, host, hostPlan))
        {
            await NftablesAsync(hostPlan);
            await GatewaysAsync(plan, hostPlan);
        }
        else _outcomes.Add(new StepOutcome("nftables and NPTv6 gateways", StepStatus.NotAttempted, _stop.IsCancellationRequested ? "interrupted" : null));
        foreach (var m in hostPlan.Manual) _outcomes.Add(new StepOutcome(m.Describe(), StepStatus.Manual, Blocking: false));
        return Report(clock, callsBefore);
    }

    public static string Explain(ObjectDecision o) =>
        o.Differences.Count == 0 ? o.Note ?? "" : o.Note + ": " + string.Join("; ", o.Differences);

    private ApplyReport Report(Stopwatch clock, int callsBefore) => new(_outcomes.ToList(), _engine.MutatingCalls - callsBefore, clock.Elapsed);

    private async Task<bool> DaemonJsonAsync(HostPlan p)
    {
        if (p.DaemonJsonNote is not null) _outcomes.Add(new StepOutcome("daemon.json", StepStatus.Manual, p.DaemonJsonNote));
        if (p.DaemonJson is null || p.DaemonJsonPath is null) return true;
        if (!p.DaemonJson.Changed)
        {
            _outcomes.Add(new StepOutcome("daemon.json " + p.DaemonJsonPath, StepStatus.Unchanged));
            return true;
        }
        // The values before the first change are recorded first, so `netdsl destroy` can put them back.
        var error = await DaemonKeyRecord.RememberAsync(p.DaemonJsonPath, p.DaemonJson.Changes, _options.Shell.Files) is { } recordError
            ? recordError + "; nothing was changed (daemon.json and its previous backup are as they were)"
            : await DaemonJsonFile.WriteAtomicallyAsync(p.DaemonJsonPath, p.DaemonJson.Text, files: _options.Shell.Files);
        _outcomes.Add(new StepOutcome("daemon.json " + p.DaemonJsonPath, error is null ? StepStatus.Done : StepStatus.Failed,
            error ?? string.Join(", ", p.DaemonJson.Changes) + " (backup " + p.DaemonJsonPath + DaemonJsonFile.BackupSuffix + ")"));
        return error is null;
    }

    /// <summary>True (and reported) when a signal asked to stop: the caller skips <paramref name="what"/>.</summary>
    private bool Interrupted(string what)
    {
        if (!_stop.IsCancellationRequested) return false;
        lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.NotAttempted, "interrupted"));
        return true;
    }

    private async Task<(bool, HostPlan)> RestartAsync(ApplyPlan plan, DockerHost host, HostPlan p)
    {
        if (!p.RestartNeeded) return (true, p);
        if (_options.RestartCommand is null)
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Manual,
                p.RestartReason + ": restart the engine (a reload does not apply these keys), e.g. `systemctl restart docker`, or pass --restart-command"));
            return (true, p);
        }
        var restart = new EngineRestart(_engine, _options);
        if (Interrupted("engine restart")) return (false, p);
        // Never cancelled: an engine stopped by half a restart would leave every container down.
        var failure = await restart.RestartAsync(CancellationToken.None);
        if (failure is not null)
        {
            await RecoverAsync(restart, p, failure);
            return (false, p);
        }
        _outcomes.Add(new StepOutcome("engine restart", StepStatus.Done, p.RestartReason + (p.StoppedByRestart.Count > 0 ? "; stopped: " + string.Join(", ", p.StoppedByRestart) : "")));
        // Containers stopped by the restart are started again only if they are ours: decisions are read anew.
        var fresh = await HostPlanner.PlanAsync(_engine, plan, host, _options, CancellationToken.None);
        return (true, fresh with { RestartKeys = Array.Empty<string>() });
    }

    /// <summary>The engine did not come back: put the previous daemon.json back and restart again (never cancelled).</summary>
    private async Task RecoverAsync(EngineRestart restart, HostPlan p, string failure)
    {
        string? line = await restart.EngineLogLineAsync();
        string engineSays = line is null ? "" : " (engine: " + line + ")";
        if (p.DaemonJson is not { Changed: true } merge || p.DaemonJsonPath is null)
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Failed, failure + engineSays + "; daemon.json was not changed by this apply: look at the engine's log and start it by hand"));
            return;
        }
        string culprit = EngineRestart.Culprit(merge.Changes.Select(c => c.Key).ToList(), line);
        var restoreError = await EngineRestart.RestoreAsync(p.DaemonJsonPath, merge, _options.Shell.Files);
        if (restoreError is not null)
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Failed, $"the engine did not come back after daemon.json changed {culprit}{engineSays}, and the previous file could not be put back ({restoreError}): copy {p.DaemonJsonPath}{DaemonJsonFile.BackupSuffix} over {p.DaemonJsonPath} and restart the engine"));
            return;
        }
        var again = await restart.RestartAsync(CancellationToken.None);
        _outcomes.Add(new StepOutcome("engine restart", StepStatus.Failed, $"the engine did not come back after daemon.json changed {culprit}{engineSays}; the previous daemon.json is back"
            + (again is null ? " and the engine runs with it again: fix the key in the .netdsl file (or what conflicts with it), then apply again"
                : $", but the engine did not come back with it either ({again}): look at its log, fix what it names and start it by hand")));
    }

    private async Task<bool> SysctlsAsync(HostPlan p)
    {
        foreach (var s in p.Sysctls)
        {
            if (Interrupted(s.Step.Describe())) return false;
            var error = await SysctlSetter.WriteAsync(_options.Shell, s.Step.Name, s.Step.Value);
            _outcomes.Add(new StepOutcome(s.Step.Describe(), error is null ? StepStatus.Done : StepStatus.Failed, error));
            if (error is not null) return false;
        }
        return true;
    }

    private async Task NftablesAsync(HostPlan p)
    {
        foreach (var family in p.NftablesRemovals)
        {
            if (Interrupted("remove nftables table " + family)) return;
            var error = await NftablesLoader.DeleteAsync(_options.Shell, family);
            _outcomes.Add(new StepOutcome($"remove nftables table {family} {NftablesRuleset.TableName} (no masquerade of that family declared)", error is null ? StepStatus.Done : StepStatus.Failed, error));
        }
        foreach (var n in p.Nftables)
        {
            if (Interrupted(n.Describe())) return;
            var error = await NftablesLoader.LoadAsync(_options.Shell, n);
            _outcomes.Add(new StepOutcome(n.Describe(), error is null ? StepStatus.Done : StepStatus.Failed, error));
        }
    }

    // After the networks exist: the gateway's routes go through the host's interfaces.
    private async Task GatewaysAsync(ApplyPlan plan, HostPlan p)
    {
        var runner = new Nptv6GatewayRunner(_options.Shell, _options.NetDslCommand, plan.SourcePath);
        foreach (var g in p.Gateways)
        {
            var error = await runner.EnsureAsync(g.Step.Service);
            string how = runner.UsesSystemd ? "systemd unit " + g.Step.Service.UnitName : "in the foreground, detached";
            _outcomes.Add(new StepOutcome(g.Step.Describe() + " (" + how + ")", error is null ? StepStatus.Done : StepStatus.Failed, error));
        }
    }

    private async Task<bool> ObjectsAsync(ApplyPlan plan, DockerHost host, HostPlan p)
    {
        var ct = CancellationToken.None;   // calls once sent run to their end; MutateAsync checks _stop before each
        string source = plan.SourcePath;
        var steps = plan.StepsOn(host.Name).ToList();
        var decisionOf = p.Objects.ToDictionary(o => o.Kind + "/" + o.Name);

        // Old objects are set aside, never removed, until their successors run (see Replacement).
        var replacement = new Replacement(_engine, MutateAlwaysAsync, _options.StopTimeout);
        if (p.Objects.Any(o => o.Action == ObjectAction.Replace) && (Interrupted("replacing drifted objects") || !await replacement.SetAsideAsync(p)))
        {
            await replacement.RollbackAsync();
            return NotAttempted("creating networks and containers");
        }

        // Orphans go before anything is created: a container the file renamed still holds the addresses its successor pins.
        bool ok = await RemoveOrphansAsync(p.Orphans);
        ok = ok && await ParallelAsync(steps.OfType<CreateNetworkStep>().ToList(), n => Needs(decisionOf, "network", n.Network.Name)
            ? MutateAsync("create network " + n.Network.Name, () => _engine.Docker.Networks.CreateNetworkAsync(EngineRequests.CreateNetwork(n, source), ct))
            : Unchanged("network " + n.Network.Name));
        if (ok)
        {
            // Each container on its own: create, connect its further networks, start. Independent containers
            // proceed concurrently (bounded), so one slow start does not hold back the others.
            var connects = steps.OfType<ConnectNetworkStep>().ToLookup(k => k.Container);
            ok = await ParallelAsync(steps.OfType<CreateContainerStep>().ToList(),
                c => ContainerAsync(c, decisionOf["container/" + c.Container.Name], connects[c.Container.Name], source, ct));
        }
        else NotAttempted("containers");

        if (!replacement.IsEmpty)
        {
            if (ok) ok = await replacement.CommitAsync();
            else await replacement.RollbackAsync();
        }
        return ok;
    }

    /// <summary>Removes what the owner has and the file no longer declares: containers first, then networks.</summary>
    private async Task<bool> RemoveOrphansAsync(IReadOnlyList<Orphan> orphans)
    {
        bool ok = true;
        foreach (var o in orphans.Where(o => o.Kind == "container"))
            ok &= await MutateAsync("remove container " + o.Name + " (no longer declared)",
                () => _engine.Docker.Containers.RemoveContainerAsync(o.Id, new ContainerRemoveParameters { Force = true }, CancellationToken.None));
        foreach (var o in orphans.Where(o => o.Kind == "network"))
            ok &= await MutateAsync("remove network " + o.Name + " (no longer declared)", () => _engine.Docker.Networks.DeleteNetworkAsync(o.Id, CancellationToken.None));
        return ok;
    }

    /// <summary>One container's create, connects and start, as far as its decision needs them.</summary>
    private async Task<bool> ContainerAsync(CreateContainerStep c, ObjectDecision decision, IEnumerable<ConnectNetworkStep> connects, string source, CancellationToken ct)
    {
        // A container whose create was sent is finished (connected, started) even after a signal, so no half-made
        // container is left; one not yet begun is not begun.
        if (Interrupted("container " + c.Container.Name)) return false;
        string name = c.Container.Name;
        bool create = decision.Action is ObjectAction.Create or ObjectAction.Replace;
        if (create && !await MutateAlwaysAsync("create container " + name, () => _engine.Docker.Containers.CreateContainerAsync(EngineRequests.CreateContainer(c, source), ct)))
            return false;
        var missing = decision.MissingConnections?.Select(a => a.Network).ToHashSet() ?? new HashSet<string>();
        foreach (var k in connects.Where(k => create || missing.Contains(k.Attachment.Network)))
            if (!await MutateAlwaysAsync(k.Describe(), () => _engine.Docker.Networks.ConnectNetworkAsync(k.Attachment.Network, EngineRequests.Connect(k.Container, k.Attachment), ct)))
                return false;
        if (create || decision.NeedsStart)
            return await StartAsync(c, connects, source, ct);
        if (missing.Count == 0) await Unchanged("container " + name);
        return true;
    }

    /// <summary>
    /// Starts a container; a start refused because containerd still holds a task of that container (the "task …:
    /// already exists" leftover of a killed dockerd or containerd) is repaired once, and only for a container the
    /// owner's label says is ours: it is removed (force) and created again with the same create request, connected to
    /// its further networks with the same pinned addresses, and started. The leftover task keeps the old id, so it no
    /// longer collides. If the repair fails too, the report names the exact command to run.
    /// </summary>
    private async Task<bool> StartAsync(CreateContainerStep c, IEnumerable<ConnectNetworkStep> connects, string source, CancellationToken ct)
    {
        string name = c.Container.Name;
        string what = "start container " + name;
        var error = await CallAsync(() => _engine.Docker.Containers.StartContainerAsync(name, new ContainerStartParameters(), ct));
        if (error is null)
        {
            lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.Done));
            return true;
        }
        if (EngineErrors.StaleTaskOf(error) is not { } task)
        {
            lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.Failed, EngineErrors.Describe(error, what, _engine.Endpoint)));
            return false;
        }
        return await RepairStaleTaskAsync(c, connects, source, task, error, ct);
    }

    private async Task<bool> RepairStaleTaskAsync(CreateContainerStep c, IEnumerable<ConnectNetworkStep> connects, string source, string task, Exception first, CancellationToken ct)
    {
        string name = c.Container.Name;
        string what = "repair container " + name;
        string leftover = $"its start failed because containerd still holds a task {EngineErrors.ShortId(task)} of it, left by a killed dockerd or containerd (engine: {EngineErrors.EngineMessageOf(first)})";
        string manual = $"run `docker rm -f {name}` and apply again (NetDsl creates it again with the same settings; restarting the engine does not clear the leftover)";

        ContainerInspectResponse? live = null;
        var inspectError = await CallAsync(async () => live = await _engine.Docker.Containers.InspectContainerAsync(name, ct), mutates: false);
        if (inspectError is not null || live is null)
            return Failed(what, $"{leftover}; not repaired, because the container could not be read ({(inspectError is null ? "no answer" : EngineErrors.Describe(inspectError, "inspect container " + name, _engine.Endpoint))}): {manual}");
        string? owner = live.Config?.Labels is { } labels && labels.TryGetValue(OwnershipLabels.Source, out var o) ? o : null;
        if (owner != source)
            return Failed(what, $"{leftover}; not repaired, because the container is not ours ({OwnershipLabels.Source} is {(owner is null ? "missing" : "\"" + owner + "\"")}, not \"{source}\"), and NetDsl never removes what it does not own: {manual}");

        string id = live.ID;
        if (!await MutateAlwaysAsync($"remove container {name} (repair: an engine leftover blocks its start)",
                () => _engine.Docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct)))
            return Failed(what, $"{leftover}; removing it failed (above): {manual}");
        if (!await MutateAlwaysAsync($"create container {name} again (repair: same settings)",
                () => _engine.Docker.Containers.CreateContainerAsync(EngineRequests.CreateContainer(c, source), ct)))
            return Failed(what, $"{leftover}; it was removed, and creating it again failed (above): fix what that line names and apply again (NetDsl creates it)");
        foreach (var k in connects)
            if (!await MutateAlwaysAsync(k.Describe() + " (repair: same address)",
                    () => _engine.Docker.Networks.ConnectNetworkAsync(k.Attachment.Network, EngineRequests.Connect(k.Container, k.Attachment), ct)))
                return Failed(what, $"{leftover}; it was created again, and connecting it failed (above): apply again (NetDsl connects it)");

        string start = "start container " + name;
        var again = await CallAsync(() => _engine.Docker.Containers.StartContainerAsync(name, new ContainerStartParameters(), ct));
        if (again is not null)
        {
            lock (_outcomes) _outcomes.Add(new StepOutcome(start, StepStatus.Failed, EngineErrors.Describe(again, start, _engine.Endpoint)));
            return Failed(what, EngineErrors.StaleTaskOf(again) is not null
                ? $"{leftover}; it was removed and created again, and its start hit a leftover task again: run `docker rm -f {name}` and apply again"
                : $"{leftover}; it was removed and created again, and its start failed again (above): fix what that line names and apply again");
        }
        lock (_outcomes)
        {
            _outcomes.Add(new StepOutcome(start, StepStatus.Done));
            _outcomes.Add(new StepOutcome(what, StepStatus.Done,
                $"{leftover}; the container was ours ({OwnershipLabels.Source}={source}), so it was removed, created again with the same settings and addresses, and started"));
        }
        return true;
    }

    private bool Failed(string what, string message)
    {
        lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.Failed, message));
        return false;
    }

    /// <summary>One engine call; the engine failure it ended in, or null. Other exceptions are bugs and propagate.</summary>
    private async Task<Exception?> CallAsync(Func<Task> call, bool mutates = true)
    {
        if (mutates) _engine.CountMutation();
        try
        {
            await call();
            return null;
        }
        catch (Exception e) when (EngineErrors.IsEngineFailure(e))
        {
            return e;
        }
    }

    private static bool Needs(Dictionary<string, ObjectDecision> decisions, string kind, string name) =>
        decisions[kind + "/" + name].Action is ObjectAction.Create or ObjectAction.Replace;

    private bool NotAttempted(string what)
    {
        _outcomes.Add(new StepOutcome(what, StepStatus.NotAttempted, "an earlier step failed"));
        return false;
    }

    private Task<bool> Unchanged(string what)
    {
        lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.Unchanged));
        return Task.FromResult(true);
    }

    /// <summary>One engine call, unless a signal asked to stop (then reported as not attempted).</summary>
    private Task<bool> MutateAsync(string what, Func<Task> call) =>
        Interrupted(what) ? Task.FromResult(false) : MutateAlwaysAsync(what, call);

    /// <summary>One engine call, reported done or failed; used inside steps that must finish (a replace, a begun container).</summary>
    private async Task<bool> MutateAlwaysAsync(string what, Func<Task> call)
    {
        _engine.CountMutation();
        try
        {
            await call();
            lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.Done));
            return true;
        }
        catch (Exception e) when (EngineErrors.IsEngineFailure(e))
        {
            lock (_outcomes) _outcomes.Add(new StepOutcome(what, StepStatus.Failed, EngineErrors.Describe(e, what, _engine.Endpoint)));
            return false;
        }
    }

    /// <summary>Runs in parallel, bounded; every item runs even when one fails, so the report is complete.</summary>
    private async Task<bool> ParallelAsync<T>(IReadOnlyList<T> items, Func<T, Task<bool>> action)
    {
        var results = new ConcurrentBag<bool>();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism) },
            async (item, _) => results.Add(await action(item)));
        return results.All(r => r);
    }
}

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
/// Executes a <see cref="HostPlan"/>: daemon.json, restart, sysctls, removals for --replace, networks (in parallel),
/// containers (create in parallel, connect, start in parallel), nftables. Refuses to start when any object drifts or
/// is not ours. A failure stops the later phases; the report says what was and was not done, and a re-run converges
/// because every decision is re-read from the engine.
/// </summary>
public sealed class Applier
{
    private readonly EngineClient _engine;
    private readonly ApplyOptions _options;
    private readonly List<StepOutcome> _outcomes = new();

    public Applier(EngineClient engine, ApplyOptions options)
    {
        _engine = engine;
        _options = options;
    }

    public async Task<ApplyReport> ApplyAsync(ApplyPlan plan, DockerHost host, HostPlan hostPlan, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await _engine.ConnectAsync(ct);
        int callsBefore = _engine.MutatingCalls;
        if (hostPlan.HasErrors)
        {
            foreach (var o in hostPlan.Objects.Where(o => o.IsError))
                _outcomes.Add(new StepOutcome(o.Kind + " " + o.Name, StepStatus.Failed, Explain(o)));
            if (hostPlan.DaemonJson?.Error is { } e) _outcomes.Add(new StepOutcome("daemon.json", StepStatus.Failed, e));
            _outcomes.Add(new StepOutcome("everything else", StepStatus.NotAttempted, "nothing was changed"));
            return Report(clock, callsBefore);
        }

        bool ok = await DaemonJsonAsync(hostPlan);
        if (ok) (ok, hostPlan) = await RestartAsync(plan, host, hostPlan, ct);
        if (!ok || !await SysctlsAsync(hostPlan))
        {
            _outcomes.Add(new StepOutcome("networks and containers", StepStatus.NotAttempted));
            return Report(clock, callsBefore);
        }
        if (await ObjectsAsync(plan, host, hostPlan, ct)) await NftablesAsync(hostPlan);
        else _outcomes.Add(new StepOutcome("nftables", StepStatus.NotAttempted));
        foreach (var m in hostPlan.Manual) _outcomes.Add(new StepOutcome(m.Describe(), StepStatus.Manual, Blocking: false));
        return Report(clock, callsBefore);
    }

    public static string Explain(ObjectDecision o) =>
        o.Differences.Count == 0 ? o.Note ?? "" : o.Note + ": " + string.Join("; ", o.Differences);

    private ApplyReport Report(Stopwatch clock, int callsBefore) => new(_outcomes.ToList(), _engine.MutatingCalls - callsBefore, clock.Elapsed);

    private Task<bool> DaemonJsonAsync(HostPlan p)
    {
        if (p.DaemonJsonNote is not null) _outcomes.Add(new StepOutcome("daemon.json", StepStatus.Manual, p.DaemonJsonNote));
        if (p.DaemonJson is null || p.DaemonJsonPath is null) return Task.FromResult(true);
        if (!p.DaemonJson.Changed)
        {
            _outcomes.Add(new StepOutcome("daemon.json " + p.DaemonJsonPath, StepStatus.Unchanged));
            return Task.FromResult(true);
        }
        var error = DaemonJsonFile.WriteAtomically(p.DaemonJsonPath, p.DaemonJson.Text);
        _outcomes.Add(new StepOutcome("daemon.json " + p.DaemonJsonPath, error is null ? StepStatus.Done : StepStatus.Failed,
            error ?? string.Join(", ", p.DaemonJson.Changes) + " (backup " + p.DaemonJsonPath + DaemonJsonFile.BackupSuffix + ")"));
        return Task.FromResult(error is null);
    }

    private async Task<(bool, HostPlan)> RestartAsync(ApplyPlan plan, DockerHost host, HostPlan p, CancellationToken ct)
    {
        if (!p.RestartNeeded) return (true, p);
        if (_options.RestartCommand is null)
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Manual,
                p.RestartReason + ": restart the engine (a reload does not apply these keys), e.g. `systemctl restart docker`, or pass --restart-command"));
            return (true, p);
        }
        var r = await ProcessRunner.RunAsync("sh", new[] { "-c", _options.RestartCommand }, timeout: TimeSpan.FromMinutes(2), cancellationToken: ct);
        if (!r.Succeeded)
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Failed, $"`{_options.RestartCommand}` exited {r.ExitCode}: {r.StandardError.Trim()}"));
            return (false, p);
        }
        if (!await WaitForEngineAsync(ct))
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Failed, $"the engine at {_engine.Endpoint} did not answer within 60 s of `{_options.RestartCommand}`"));
            return (false, p);
        }
        _outcomes.Add(new StepOutcome("engine restart", StepStatus.Done, p.RestartReason + (p.StoppedByRestart.Count > 0 ? "; stopped: " + string.Join(", ", p.StoppedByRestart) : "")));
        // Containers stopped by the restart are started again only if they are ours: decisions are read anew.
        var fresh = await HostPlanner.PlanAsync(_engine, plan, host, _options, ct);
        return (true, fresh with { RestartKeys = Array.Empty<string>() });
    }

    private async Task<bool> WaitForEngineAsync(CancellationToken ct)
    {
        for (int i = 0; i < 120; i++)
        {
            try
            {
                await _engine.Docker.System.PingAsync(ct);
                return true;
            }
            catch (Exception e) when (EngineErrors.IsEngineFailure(e))
            {
                await Task.Delay(500, ct);
            }
        }
        return false;
    }

    private async Task<bool> SysctlsAsync(HostPlan p)
    {
        foreach (var s in p.Sysctls)
        {
            var error = await SysctlSetter.WriteAsync(_options.Shell, s.Step.Name, s.Step.Value);
            _outcomes.Add(new StepOutcome(s.Step.Describe(), error is null ? StepStatus.Done : StepStatus.Failed, error));
            if (error is not null) return false;
        }
        return true;
    }

    private async Task NftablesAsync(HostPlan p)
    {
        foreach (var n in p.Nftables)
        {
            var error = await NftablesLoader.LoadAsync(_options.Shell, n);
            _outcomes.Add(new StepOutcome(n.Describe(), error is null ? StepStatus.Done : StepStatus.Failed, error));
        }
    }

    private async Task<bool> ObjectsAsync(ApplyPlan plan, DockerHost host, HostPlan p, CancellationToken ct)
    {
        string source = plan.SourcePath;
        var steps = plan.StepsOn(host.Name).ToList();
        var decisionOf = p.Objects.ToDictionary(o => o.Kind + "/" + o.Name);

        // Removals for --replace: containers first (a network with endpoints cannot be removed).
        foreach (var c in p.Objects.Where(o => o.Kind == "container" && o.Action == ObjectAction.Replace))
            if (!await MutateAsync("remove container " + c.Name, () => _engine.Docker.Containers.RemoveContainerAsync(c.Id!, new ContainerRemoveParameters { Force = true }, ct))) return false;
        foreach (var n in p.Objects.Where(o => o.Kind == "network" && o.Action == ObjectAction.Replace))
            if (!await MutateAsync("remove network " + n.Name, () => _engine.Docker.Networks.DeleteNetworkAsync(n.Id!, ct))) return false;

        bool ok = true;
        var networks = steps.OfType<CreateNetworkStep>().ToList();
        ok &= await ParallelAsync(networks, n => Needs(decisionOf, "network", n.Network.Name)
            ? MutateAsync("create network " + n.Network.Name, () => _engine.Docker.Networks.CreateNetworkAsync(EngineRequests.CreateNetwork(n, source), ct))
            : Unchanged("network " + n.Network.Name));
        if (!ok) return NotAttempted("containers");

        var containers = steps.OfType<CreateContainerStep>().ToList();
        ok &= await ParallelAsync(containers, c => Needs(decisionOf, "container", c.Container.Name)
            ? MutateAsync("create container " + c.Container.Name, () => _engine.Docker.Containers.CreateContainerAsync(EngineRequests.CreateContainer(c, source), ct))
            : Unchanged("container " + c.Container.Name));
        if (!ok) return NotAttempted("connecting and starting containers");

        var connects = steps.OfType<ConnectNetworkStep>()
            .Where(k => Needs(decisionOf, "container", k.Container) || decisionOf["container/" + k.Container].MissingConnections?.Any(a => a.Network == k.Attachment.Network) == true)
            .ToList();
        ok &= await ParallelAsync(connects.GroupBy(k => k.Container).ToList(), async group =>
        {
            bool all = true;
            foreach (var k in group)
                all &= await MutateAsync(k.Describe(), () => _engine.Docker.Networks.ConnectNetworkAsync(k.Attachment.Network, EngineRequests.Connect(k.Container, k.Attachment), ct));
            return all;
        });
        if (!ok) return NotAttempted("starting containers");

        var starts = steps.OfType<StartContainerStep>()
            .Where(s => Needs(decisionOf, "container", s.Container) || decisionOf["container/" + s.Container].NeedsStart).ToList();
        ok &= await ParallelAsync(starts, s => MutateAsync("start container " + s.Container, () => _engine.Docker.Containers.StartContainerAsync(s.Container, new ContainerStartParameters(), ct)));
        return ok;
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

    private async Task<bool> MutateAsync(string what, Func<Task> call)
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

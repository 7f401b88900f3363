using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Docker.DaemonJson;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>
/// `netdsl destroy`: removes everything an owner created on one engine — its containers, then its networks (never an
/// object without its label), NetDsl's nftables tables — and puts the daemon.json keys it changed back to the values
/// recorded before its first apply (<see cref="DaemonKeyRecord"/>), restarting the engine as apply does when a
/// restart-only key changes (and undoing that if the engine does not come back). Sysctls are left as they are.
/// </summary>
public sealed class Destroyer
{
    private readonly EngineClient _engine;
    private readonly ApplyOptions _options;
    private readonly List<StepOutcome> _outcomes = new();

    public Destroyer(EngineClient engine, ApplyOptions options)
    {
        _engine = engine;
        _options = options;
    }

    /// <summary>What destroy would remove: the owner's containers, then networks (for showing before doing).</summary>
    public static async Task<IReadOnlyList<Orphan>> OwnedAsync(EngineClient engine, string owner, CancellationToken ct)
    {
        var state = await LiveState.ReadAsync(engine, ct);
        bool Owned(IDictionary<string, string>? labels) => LiveState.LabelsOf(labels).TryGetValue(OwnershipLabels.Source, out var s) && s == owner;
        return state.Containers.Where(c => Owned(c.Labels)).Select(c => new Orphan("container", c.Names.First().TrimStart('/'), c.ID))
            .Concat(state.Networks.Where(n => Owned(n.Labels)).Select(n => new Orphan("network", n.Name, n.ID)))
            .ToList();
    }

    public async Task<ApplyReport> DestroyAsync(string owner, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        int before = _engine.MutatingCalls;
        var owned = await OwnedAsync(_engine, owner, stop);
        bool ok = true;
        foreach (var o in owned.Where(o => o.Kind == "container"))
            ok &= await MutateAsync("remove container " + o.Name, () => _engine.Docker.Containers.RemoveContainerAsync(o.Id, new ContainerRemoveParameters { Force = true }, CancellationToken.None), stop);
        foreach (var o in owned.Where(o => o.Kind == "network"))
            ok &= await MutateAsync("remove network " + o.Name, () => _engine.Docker.Networks.DeleteNetworkAsync(o.Id, CancellationToken.None), stop);
        if (_engine.Endpoint.ReachesHost && !stop.IsCancellationRequested)
        {
            foreach (var family in new[] { "ip", "ip6" })
                if (await NftablesLoader.IsOursAsync(_options.Shell, family))
                {
                    var error = await NftablesLoader.DeleteAsync(_options.Shell, family);
                    _outcomes.Add(new StepOutcome($"remove nftables table {family} {NftablesRuleset.TableName}", error is null ? StepStatus.Done : StepStatus.Failed, error));
                }
            if (ok) await DaemonJsonAsync(stop);
        }
        if (_outcomes.Count == 0) _outcomes.Add(new StepOutcome("nothing to remove", StepStatus.Unchanged, $"no object labelled {OwnershipLabels.Source}={owner}, no recorded daemon.json key"));
        return new ApplyReport(_outcomes.ToList(), _engine.MutatingCalls - before, clock.Elapsed);
    }

    private async Task DaemonJsonAsync(CancellationToken stop)
    {
        string path = _options.DaemonJsonPath ?? ApplyOptions.DefaultDaemonJson;
        var record = DaemonKeyRecord.Read(path, out var recordError, _options.Shell.Files);
        if (recordError is not null) { _outcomes.Add(new StepOutcome("daemon.json " + path, StepStatus.Failed, recordError)); return; }
        if (record is null) return;
        var current = DaemonJsonFile.Read(path, out var readError, _options.Shell.Files);
        if (readError is not null) { _outcomes.Add(new StepOutcome("daemon.json " + path, StepStatus.Failed, readError)); return; }
        var (text, changed) = DaemonKeyRecord.Restore(current, record, out var error);
        if (text is null) { _outcomes.Add(new StepOutcome("daemon.json " + path, StepStatus.Failed, error)); return; }
        if (stop.IsCancellationRequested) { _outcomes.Add(new StepOutcome("daemon.json " + path, StepStatus.NotAttempted, "interrupted")); return; }
        if (changed.Count > 0)
        {
            var write = await DaemonJsonFile.WriteAtomicallyAsync(path, text, files: _options.Shell.Files);
            _outcomes.Add(new StepOutcome("daemon.json " + path, write is null ? StepStatus.Done : StepStatus.Failed,
                write ?? "put back as before the first apply: " + string.Join(", ", changed) + " (backup " + path + DaemonJsonFile.BackupSuffix + ")"));
            if (write is not null) return;
        }
        var forget = DaemonKeyRecord.Forget(path, _options.Shell.Files);
        if (forget is not null) _outcomes.Add(new StepOutcome("daemon.json record", StepStatus.Failed, forget));
        var restartKeys = changed.Where(k => NetDsl.Engines.EngineTable.FindDaemonKey(k)?.NeedsRestart ?? true).ToList();
        if (restartKeys.Count == 0) return;
        if (_options.RestartCommand is null)
        {
            _outcomes.Add(new StepOutcome("engine restart", StepStatus.Manual, "daemon.json changes " + string.Join(", ", restartKeys) + ": restart the engine (a reload does not apply these keys), or pass --restart-command"));
            return;
        }
        var restart = new EngineRestart(_engine, _options);
        var failure = await restart.RestartAsync(CancellationToken.None);
        if (failure is null) { _outcomes.Add(new StepOutcome("engine restart", StepStatus.Done, "daemon.json changes " + string.Join(", ", restartKeys))); return; }
        string? line = await restart.EngineLogLineAsync();
        var undo = await DaemonJsonFile.WriteAtomicallyAsync(path, current ?? "{}\n", backup: false, _options.Shell.Files);
        var again = undo is null ? await restart.RestartAsync(CancellationToken.None) : undo;
        _outcomes.Add(new StepOutcome("engine restart", StepStatus.Failed, $"the engine did not come back with the original daemon.json ({failure}{(line is null ? "" : "; engine: " + line)}); "
            + (again is null ? "the file NetDsl had written is back and the engine runs with it" : "and putting NetDsl's file back did not help either (" + again + "): look at the engine's log")));
    }

    private async Task<bool> MutateAsync(string what, Func<Task> call, CancellationToken stop)
    {
        if (stop.IsCancellationRequested) { _outcomes.Add(new StepOutcome(what, StepStatus.NotAttempted, "interrupted")); return false; }
        _engine.CountMutation();
        try
        {
            await call();
            _outcomes.Add(new StepOutcome(what, StepStatus.Done));
            return true;
        }
        catch (Exception e) when (EngineErrors.IsEngineFailure(e))
        {
            _outcomes.Add(new StepOutcome(what, StepStatus.Failed, EngineErrors.Describe(e, what, _engine.Endpoint)));
            return false;
        }
    }
}

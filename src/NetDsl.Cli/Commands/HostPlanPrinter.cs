using System.Linq;
using NetDsl.Docker.Apply;

namespace NetDsl.Cli.Commands;

/// <summary>Prints a <see cref="HostPlan"/>: one line per object and host change, then the restart and its impact.</summary>
internal static class HostPlanPrinter
{
    /// <param name="withRestart">Print the restart the change needs (plan without an engine); a whole host plan prints its own restart line.</param>
    public static void PrintDaemonJson(NetDsl.Docker.DaemonJson.DaemonJsonMergeResult d, string? path, CliConsole console, bool withRestart = true)
    {
        var o = console.Out;
        if (d.Error is not null) o.WriteLine($"  error     daemon.json {path}: {d.Error}");
        else if (!d.Changed) o.WriteLine($"  keep      daemon.json {path}");
        else
        {
            o.WriteLine($"  change    daemon.json {path} (other keys kept):");
            foreach (var c in d.Changes) o.WriteLine("              " + c);
            if (withRestart && d.RestartKeys.Count > 0)
                o.WriteLine($"  restart   engine: daemon.json changes {string.Join(", ", d.RestartKeys)}; a reload (SIGHUP) does not apply them");
        }
    }

    public static void Print(HostPlan p, CliConsole console)
    {
        var o = console.Out;
        o.WriteLine($"host {p.Host}:");
        if (p.DaemonJson is { } d) PrintDaemonJson(d, p.DaemonJsonPath, console, withRestart: false);
        if (p.DaemonJsonNote is not null) o.WriteLine("  manual    daemon.json: " + p.DaemonJsonNote);
        if (p.RestartNeeded)
        {
            o.WriteLine($"  restart   engine: {p.RestartReason}; a reload (SIGHUP) does not apply {string.Join(", ", p.RestartKeys)}");
            o.WriteLine(p.StoppedByRestart.Count == 0
                ? "              no running container is stopped by it"
                : "              live-restore is off: the restart stops " + string.Join(", ", p.StoppedByRestart));
        }
        foreach (var s in p.Sysctls)
            o.WriteLine($"  change    sysctl {s.Step.Name}: {s.Current ?? "(unset)"} -> {s.Step.Value} ({s.Step.Reason})");
        foreach (var obj in p.Objects)
        {
            string action = obj.Action switch
            {
                ObjectAction.Create => "create",
                ObjectAction.Keep when obj.ChangesSomething => "complete",
                ObjectAction.Keep => "keep",
                ObjectAction.Drift => "drift",
                ObjectAction.Replace => "replace",
                _ => "not-ours",
            };
            string extra = obj.Action == ObjectAction.Keep && obj.ChangesSomething
                ? " (" + string.Join(", ", (obj.MissingConnections ?? []).Select(a => "connect " + a.Network).Concat(obj.NeedsStart ? new[] { "start" } : [])) + ")"
                : obj.IsError || obj.Action == ObjectAction.Replace ? (obj.Note is null ? "" : ": " + obj.Note) : "";
            o.WriteLine($"  {action,-9} {obj.Kind} {obj.Name}{extra}");
            // One line per differing field, so a drift says exactly what changed.
            if (obj.IsError || obj.Action == ObjectAction.Replace)
                foreach (var difference in obj.Differences) o.WriteLine("              " + difference);
        }
        foreach (var aside in p.Aside) o.WriteLine($"  restore   {aside}: left by an interrupted replace; renamed back to its name first");
        foreach (var orphan in p.Orphans) o.WriteLine($"  remove    {orphan}: created from this file and no longer declared");
        if (p.OwnerWarning is not null) o.WriteLine("  warning   " + p.OwnerWarning);
        foreach (var n in p.Nftables) o.WriteLine("  change    " + n.Describe());
        foreach (var family in p.NftablesRemovals) o.WriteLine($"  remove    nftables table {family} netdsl: no masquerade of that family is declared");
        foreach (var problem in p.Problems) o.WriteLine("  error     " + problem);
        foreach (var warning in p.Warnings) o.WriteLine("  warning   " + warning);
        foreach (var g in p.Gateways) o.WriteLine("  start     " + g.Step.Describe() + ": now " + g.Current);
        foreach (var n in p.HostNotes) o.WriteLine("  manual    " + n);
        foreach (var m in p.Manual) o.WriteLine("  manual    " + m.Describe());
    }
}

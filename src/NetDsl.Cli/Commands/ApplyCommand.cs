using System;
using System.CommandLine;
using System.Linq;
using NetDsl.Docker.Apply;
using NetDsl.Docker.Engine;
using NetDsl.Planning;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl apply FILE`: brings the Docker host to the file's state — daemon.json merged, engine restarted when a
/// networking key changed (--restart-command), networks and containers created with pinned addresses, sysctls,
/// nftables. Never touches objects without NetDsl's labels; drift is an error unless --replace.
/// </summary>
public static class ApplyCommand
{
    /// <summary>After a signal: one line, no process of ours left running (a restart command, nft, sysctl), 130 or 143.</summary>
    private static async System.Threading.Tasks.Task<int> InterruptedAsync(Interruption interruption, CliConsole console, string what)
    {
        console.Error.WriteLine($"netdsl: interrupted by {interruption.Name}: {what}");
        int self = Environment.ProcessId;
        await NetDsl.Docker.Processes.ProcessTree.KillAsync(NetDsl.Docker.Processes.ProcessTree.WithDescendants(new[] { self }).Where(p => p != self));
        return interruption.ExitCode;
    }

    private static async System.Threading.Tasks.Task<int> ApplyHostAsync(NetDsl.Model.NetworkModel model, HostTarget target, ApplyOptions options, CliConsole console, Interruption interruption)
    {
        var (host, engine) = (target.Host, target.Engine);
        var stop = interruption.Token;
        try
        {
            var (applyLock, lockError) = await ApplyLock.AcquireAsync(engine.Endpoint, TimeSpan.FromMinutes(2), m => console.Error.WriteLine("netdsl: " + m), stop);
            if (applyLock is null)
            {
                console.Error.WriteLine("netdsl: " + lockError);
                return ExitCodes.Failure;
            }
            using var held = applyLock;
            var plan = ApplyPlanner.Plan(model);
            var hostPlan = await HostPlanner.PlanAsync(engine, plan, host, options, stop);
            HostPlanPrinter.Print(hostPlan, console);
            var report = await new Applier(engine, options).ApplyAsync(plan, host, hostPlan, stop);
            console.Out.WriteLine("applied:");
            foreach (var o in report.Outcomes) console.Out.WriteLine("  " + o);
            console.Out.WriteLine($"{report.MutatingCalls} mutating engine call(s) in {report.Elapsed.TotalSeconds:0.00} s");
            if (interruption.Happened) return await InterruptedAsync(interruption, console, "stopped at a safe point: the lines above say what was done and what was not; apply again to finish");
            return report.Failed || report.NeedsOperator ? ExitCodes.Failure : ExitCodes.Success;
        }
        catch (OperationCanceledException) when (interruption.Happened)
        {
            return await InterruptedAsync(interruption, console, "stopped before anything was changed");
        }
        catch (Exception e) when (EngineErrors.IsEngineFailure(e))
        {
            console.Error.WriteLine("netdsl: " + EngineErrors.Describe(e, "apply", engine.Endpoint));
            return ExitCodes.Failure;
        }
    }

    public static Command Create(CliConsole console)
    {
        var common = new DockerCommandOptions();
        var daemonJson = DockerCommandOptions.DaemonJsonOption();
        var replace = new Option<bool>("--replace") { Description = "Remove and recreate NetDsl's own objects whose settings drifted (never others')." };
        var restart = new Option<string?>("--restart-command") { Description = "Shell command that restarts the engine when a networking key of daemon.json changed, e.g. \"systemctl restart docker\"." };
        var stopTimeout = new Option<int>("--stop-timeout") { Description = "Seconds an old container replaced by --replace gets to stop before it is killed (default 10).", DefaultValueFactory = _ => 10 };
        var engineLog = new Option<string?>("--engine-log") { Description = "The engine's log file, read when a restart fails to say why (default: journalctl -u docker.service)." };
        var parallelism = new Option<int>("--parallelism") { Description = "How many networks or containers are created and started at once (default 8).", DefaultValueFactory = _ => 8 };
        var command = new Command("apply", "Configure a Docker host as the file describes; a second apply changes nothing.");
        common.AddTo(command);
        command.Options.Add(daemonJson);
        command.Options.Add(replace);
        command.Options.Add(restart);
        command.Options.Add(stopTimeout);
        command.Options.Add(engineLog);
        command.Options.Add(parallelism);
        command.SetAction(async (parse, ct) =>
        {
            var opened = common.OpenAll(parse, console, out int exit, daemonJson);
            if (opened is null) return exit;
            var (model, targets) = opened.Value;
            using var interruption = new Interruption(ct);
            try
            {
                return await HostRuns.RunAsync(targets, console, "applying", (target, output) =>
                {
                    var options = new ApplyOptions(target.DaemonJson, target.Shell, parse.GetValue(replace), parse.GetValue(restart), Math.Clamp(parse.GetValue(parallelism), 1, 64),
                        StopTimeoutOrDefault: TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(stopTimeout), 0, 3600)), EngineLog: parse.GetValue(engineLog), OwnerIsProject: model.Project is not null, NetDsl: SelfCommand.Prefix());
                    return ApplyHostAsync(model, target, options, output, interruption);
                });
            }
            finally
            {
                foreach (var t in targets) t.Dispose();
            }
        });
        return command;
    }
}

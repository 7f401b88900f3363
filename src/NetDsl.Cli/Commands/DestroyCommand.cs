using System;
using System.CommandLine;
using System.Linq;
using NetDsl.Docker.Apply;
using NetDsl.Docker.Engine;
using NetDsl.Planning;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl destroy FILE`: removes every network and container the file's owner (<c>project NAME</c>, else the file
/// name) created on the engine, NetDsl's nftables tables, and puts the daemon.json keys apply changed back to their
/// values before the first apply. Shows what it removes first. Exit 0: done (or nothing to do); 1: anything failed.
/// </summary>
public static class DestroyCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new DockerCommandOptions();
        var daemonJson = DockerCommandOptions.DaemonJsonOption();
        var restart = new Option<string?>("--restart-command") { Description = "Shell command that restarts the engine when a restart-only daemon.json key is put back." };
        var engineLog = new Option<string?>("--engine-log") { Description = "The engine's log file, read when a restart fails to say why." };
        var command = new Command("destroy", "Remove everything the file created on a Docker host and put back the daemon.json keys apply changed.");
        common.AddTo(command);
        command.Options.Add(daemonJson);
        command.Options.Add(restart);
        command.Options.Add(engineLog);
        command.SetAction(async (parse, ct) =>
        {
            var all = common.OpenAll(parse, console, out int exit, daemonJson, single: true);
            if (all is null) return exit;
            var model = all.Value.Model;
            var target = all.Value.Targets[0];
            var (host, engine, shell) = (target.Host, target.Engine, target.Shell);
            using (target)
            {
                using var interruption = new Interruption(ct);
                try
                {
                    var options = new ApplyOptions(target.DaemonJson, shell, RestartCommand: parse.GetValue(restart), EngineLog: parse.GetValue(engineLog));
                    var (applyLock, lockError) = await ApplyLock.AcquireAsync(engine.Endpoint, TimeSpan.FromMinutes(2), m => console.Error.WriteLine("netdsl: " + m), interruption.Token);
                    if (applyLock is null)
                    {
                        console.Error.WriteLine("netdsl: " + lockError);
                        return ExitCodes.Failure;
                    }
                    using var held = applyLock;
                    string owner = model.Owner;
                    var owned = await Destroyer.OwnedAsync(engine, owner, interruption.Token);
                    console.Out.WriteLine($"host {host.Name}: {owned.Count} object(s) labelled {OwnershipLabels.Source}={owner}");
                    foreach (var o in owned) console.Out.WriteLine("  remove    " + o);
                    var report = await new Destroyer(engine, options).DestroyAsync(owner, interruption.Token);
                    console.Out.WriteLine("destroyed:");
                    foreach (var o in report.Outcomes) console.Out.WriteLine("  " + o);
                    if (interruption.Happened)
                    {
                        console.Error.WriteLine($"netdsl: interrupted by {interruption.Name}: stopped at a safe point; destroy again to finish");
                        return interruption.ExitCode;
                    }
                    return report.Failed || report.NeedsOperator ? ExitCodes.Failure : ExitCodes.Success;
                }
                catch (OperationCanceledException) when (interruption.Happened)
                {
                    console.Error.WriteLine($"netdsl: interrupted by {interruption.Name}: stopped before anything was changed");
                    return interruption.ExitCode;
                }
                catch (Exception e) when (EngineErrors.IsEngineFailure(e))
                {
                    console.Error.WriteLine("netdsl: " + EngineErrors.Describe(e, "destroy", engine.Endpoint));
                    return ExitCodes.Failure;
                }
            }
        });
        return command;
    }
}

using System;
using System.CommandLine;
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
    public static Command Create(CliConsole console)
    {
        var common = new DockerCommandOptions();
        var daemonJson = DockerCommandOptions.DaemonJsonOption();
        var replace = new Option<bool>("--replace") { Description = "Remove and recreate NetDsl's own objects whose settings drifted (never others')." };
        var restart = new Option<string?>("--restart-command") { Description = "Shell command that restarts the engine when a networking key of daemon.json changed, e.g. \"systemctl restart docker\"." };
        var command = new Command("apply", "Configure a Docker host as the file describes; a second apply changes nothing.");
        common.AddTo(command);
        command.Options.Add(daemonJson);
        command.Options.Add(replace);
        command.Options.Add(restart);
        command.SetAction(async (parse, ct) =>
        {
            var opened = common.Open(parse, console, out int exit);
            if (opened is null) return exit;
            var (model, host, engine, shell) = opened.Value;
            using (engine)
            {
                try
                {
                    var options = new ApplyOptions(parse.GetValue(daemonJson), shell, parse.GetValue(replace), parse.GetValue(restart), NetDsl: SelfCommand.Prefix());
                    var plan = ApplyPlanner.Plan(model);
                    var hostPlan = await HostPlanner.PlanAsync(engine, plan, host, options, ct);
                    HostPlanPrinter.Print(hostPlan, console);
                    var report = await new Applier(engine, options).ApplyAsync(plan, host, hostPlan, ct);
                    console.Out.WriteLine("applied:");
                    foreach (var o in report.Outcomes) console.Out.WriteLine("  " + o);
                    console.Out.WriteLine($"{report.MutatingCalls} mutating engine call(s) in {report.Elapsed.TotalSeconds:0.00} s");
                    return report.Failed || report.NeedsOperator ? ExitCodes.Failure : ExitCodes.Success;
                }
                catch (Exception e) when (EngineErrors.IsEngineFailure(e))
                {
                    console.Error.WriteLine("netdsl: " + EngineErrors.Describe(e, "apply", engine.Endpoint));
                    return ExitCodes.Failure;
                }
            }
        });
        return command;
    }
}

using System;
using System.CommandLine;
using System.Linq;
using NetDsl.Docker.Apply;
using NetDsl.Docker.DaemonJson;
using NetDsl.Docker.Engine;
using NetDsl.Planning;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl plan FILE`: create/keep/drift per object, the daemon.json diff, whether the engine must restart and what
/// that stops. Changes nothing. Exit 0: nothing to do; 2: changes pending (terraform plan -detailed-exitcode); 1: errors.
/// </summary>
public static class PlanCommand
{
    private static async System.Threading.Tasks.Task<int> PlanHostAsync(NetDsl.Model.NetworkModel model, HostTarget target, bool replace, CliConsole console, System.Threading.CancellationToken ct)
    {
        var (host, engine) = (target.Host, target.Engine);
        try
        {
            var plan = ApplyPlanner.Plan(model);
            var hostPlan = await HostPlanner.PlanAsync(engine, plan, host, new ApplyOptions(target.DaemonJson, target.Shell, replace, OwnerIsProject: model.Project is not null, NetDsl: SelfCommand.Prefix()), ct);
            HostPlanPrinter.Print(hostPlan, console);
            if (hostPlan.HasErrors) return ExitCodes.Failure;
            return hostPlan.HasChanges ? ExitCodes.ChangesPending : ExitCodes.Success;
        }
        catch (Exception e) when (EngineErrors.IsEngineFailure(e))
        {
            console.Error.WriteLine("netdsl: " + EngineErrors.Describe(e, "reading the engine", engine.Endpoint));
            if (e is EngineMismatchException) return ExitCodes.Failure;
            // daemon.json needs no engine: still show its part (an engine that is down may be down for this very change).
            // Over SSH the same login reaches daemon.json: when it failed, so would reading the file.
            bool hostUnreachable = EngineErrors.IsSshFailure(e);
            var write = engine.Endpoint.ReachesHost && !hostUnreachable ? ApplyPlanner.Plan(model).StepsOn(host.Name).OfType<WriteDaemonJsonStep>().FirstOrDefault() : null;
            if (write is null) return ExitCodes.Failure;
            string path = target.DaemonJson ?? ApplyOptions.DefaultDaemonJson;
            var merge = DaemonJsonPlanner.Plan(write, path, target.Shell.Files);
            HostPlanPrinter.PrintDaemonJson(merge, path, console);
            console.Out.WriteLine("  unknown   networks, containers and host settings: the engine is unreachable");
            // An error, not "changes pending": the plan is incomplete, so a pipeline must not go on to apply.
            return ExitCodes.Failure;
        }
    }

    public static Command Create(CliConsole console)
    {
        var common = new DockerCommandOptions();
        var daemonJson = DockerCommandOptions.DaemonJsonOption();
        var replace = new Option<bool>("--replace") { Description = "Plan as apply --replace would: drifted objects of NetDsl's own are replaced." };
        var command = new Command("plan", "Show what apply would change on a Docker host, without changing anything.");
        common.AddTo(command);
        command.Options.Add(daemonJson);
        command.Options.Add(replace);
        command.SetAction(async (parse, ct) =>
        {
            var opened = common.OpenAll(parse, console, out int exit, daemonJson);
            if (opened is null) return exit;
            var (model, targets) = opened.Value;
            try
            {
                return await HostRuns.RunAsync(targets, console, "planning", (target, output) => PlanHostAsync(model, target, parse.GetValue(replace), output, ct));
            }
            finally
            {
                foreach (var t in targets) t.Dispose();
            }
        });
        return command;
    }
}

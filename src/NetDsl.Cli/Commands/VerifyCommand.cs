using System;
using System.CommandLine;
using System.Linq;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Verify;
using NetDsl.Planning;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl verify FILE`: checks the live engine and host against the file, one line per fact with expected and
/// observed; exit 1 on any failure. With <c>--captures DIR</c> the same facts are checked against pasted device
/// outputs instead (<see cref="CaptureVerifyRunner"/>), and no engine is contacted.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new DockerCommandOptions();
        var skipExternal = new Option<bool>("--skip-external") { Description = "Skip pings to targets outside the Docker host's networks (e.g. dns.google in an isolated lab)." };
        var captures = new Option<string?>("--captures") { Description = "Check against the command outputs in this directory (see docs/captures.md) instead of a live engine." };
        var command = new Command("verify", "Check a live Docker host (or, with --captures, pasted device outputs) against the file: engine, networks, addresses, routes, pings, router, firewall, NAT.");
        common.AddTo(command);
        command.Options.Add(skipExternal);
        command.Options.Add(captures);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(captures) is { } directory)
                return CaptureVerifyRunner.Run(parse.GetValue(common.File)!, parse.GetValue(common.Set), directory, console);
            var opened = common.Open(parse, console, out int exit);
            if (opened is null) return exit;
            var (model, host, engine, shell) = opened.Value;
            using (engine)
            {
                try
                {
                    var plan = VerifyPlanner.Plan(model);
                    var devices = model.ContainersOn(host.Name).Select(c => c.Name).Append(host.Name).ToHashSet(StringComparer.Ordinal);
                    var results = await new Verifier(engine, shell, parse.GetValue(skipExternal)).VerifyAsync(plan, devices, ct);
                    foreach (var r in results) console.Out.WriteLine(r);
                    int failed = results.Count(r => r.Outcome == FactOutcome.Fail);
                    int skipped = results.Count(r => r.Outcome == FactOutcome.Skipped);
                    console.Out.WriteLine($"verify: {results.Count - failed - skipped} passed, {failed} failed, {skipped} skipped");
                    return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
                }
                catch (Exception e) when (EngineErrors.IsEngineFailure(e))
                {
                    console.Error.WriteLine("netdsl: " + EngineErrors.Describe(e, "verify", engine.Endpoint));
                    return ExitCodes.Failure;
                }
            }
        });
        return command;
    }
}

using System;
using System.CommandLine;
using System.IO;
using NetDsl.Lab;
using NetDsl.Lab.Translators;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl lab up|test|down FILE [--name N]`: the file's topology in network namespaces on this machine (root),
/// its expects run for real and compared with trace, and everything removed again. The work is in NetDsl.Lab.
/// </summary>
public static class LabCommand
{
    public static Command Create(CliConsole console)
    {
        var lab = new Command("lab", "Build the file's topology in network namespaces, ping every expect for real, tear it down (needs root).");
        var translator = new Option<string>("--translator")
        {
            Description = "Who translates the firewalls' NPTv6 rules: kernel (ip6tables SNPT/DNPT, default) or netdsl (NetDsl's gateway, `netdsl nptv6 run`, behind NFQUEUE in the same places).",
            DefaultValueFactory = _ => "kernel",
        };
        translator.AcceptOnlyFromAmong("kernel", "netdsl");
        var up = Sub("up", "Build the lab: namespaces, private dockerds configured by apply, veths, routes, NPTv6 and zone rules.", console, withSet: true,
            (file, name, sets, parse) =>
            {
                Nptv6Lowering.TryParse(parse.GetValue(translator) ?? "kernel", out var chosen);
                return new LabUp(new LabDockerEngine(SelfCommand.Prefix()), console.Out.WriteLine, chosen, SelfCommand.Prefix()).RunAsync(file, name, sets!).GetAwaiter().GetResult();
            });
        up.Options.Add(translator);
        lab.Subcommands.Add(up);
        lab.Subcommands.Add(Sub("test", "Ping along every expect; compare the source seen where it arrives, and conntrack, with trace.", console, withSet: false,
            (_, name, _, _) => new LabTest(console.Out.WriteLine).RunAsync(name).GetAwaiter().GetResult()));
        lab.Subcommands.Add(Sub("down", "Remove every namespace, process, mount and folder of the lab, also after a failure.", console, withSet: false,
            (_, name, _, _) => LabDown.RunAsync(name, console.Out.WriteLine).GetAwaiter().GetResult()));
        return lab;
    }

    private static Command Sub(string verb, string description, CliConsole console, bool withSet,
        Func<string, LabName, System.Collections.Generic.Dictionary<string, string>?, ParseResult, LabOutcome> run)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file." };
        var nameOption = new Option<string?>("--name") { Description = "Lab name (1-8 of a-z, 0-9); default: 6 hex digits of the file's full path." };
        var set = SourceFile.SetOption();
        var command = new Command(verb, description) { file, nameOption };
        if (withSet) command.Options.Add(set);
        command.SetAction(parse =>
        {
            string path = Path.GetFullPath(parse.GetValue(file)!);
            string? given = parse.GetValue(nameOption);
            if (given is not null && !LabName.IsValid(given))
            {
                console.Error.WriteLine($"netdsl: --name '{given}': use 1-8 characters a-z, 0-9");
                return ExitCodes.Usage;
            }
            if (!LabRequirementsMet(console)) return ExitCodes.Failure;
            var overrides = withSet ? SourceFile.ParseOverrides(parse.GetValue(set), console) : null;
            if (withSet && overrides is null) return ExitCodes.Usage;
            if (verb == "up" && !File.Exists(path))
            {
                console.Error.WriteLine($"netdsl: cannot read '{path}': no such file");
                return ExitCodes.Usage;
            }
            var outcome = run(path, given is null ? LabName.FromFile(path) : new LabName(given), overrides, parse);
            foreach (var e in outcome.Errors) console.Error.WriteLine("netdsl: " + e);
            return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static bool LabRequirementsMet(CliConsole console)
    {
        if (Environment.UserName == "root") return true;
        console.Error.WriteLine("netdsl: lab needs root (network namespaces, dockerd, ip6tables)");
        return false;
    }
}

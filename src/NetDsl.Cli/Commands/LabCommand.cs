using System;
using System.Collections.Generic;
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
        lab.Subcommands.Add(Sub("up", "Build the lab: namespaces, private dockerds configured by apply, veths, routes, NPTv6 and zone rules.", console, withSet: true,
            new Option[] { translator }, (parse, file, name, sets) =>
            {
                Nptv6Lowering.TryParse(parse.GetValue(translator) ?? "kernel", out var chosen);
                return new LabUp(new LabDockerEngine(SelfCommand.Prefix()), console.Out.WriteLine, chosen, SelfCommand.Prefix()).RunAsync(file, name, sets!).GetAwaiter().GetResult();
            }));
        var format = new Option<string>("--format") { Description = "text (default): one line per expect; json: an array with one object per expect (docs/lab.md).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        lab.Subcommands.Add(Sub("test", "Ping every expect (also the broken and the negative ones); report trace's verdict and the lab's, and whether they agree.", console,
            withSet: false, new Option[] { format }, (parse, _, name, _) => Test(console, name, parse.GetValue(format) == "json")));
        lab.Subcommands.Add(Sub("down", "Remove every namespace, process, mount and folder of the lab, also after a failure.", console, withSet: false,
            Array.Empty<Option>(), (_, _, name, _) => LabDown.RunAsync(name, console.Out.WriteLine).GetAwaiter().GetResult()));
        return lab;
    }

    /// <summary>One line per expect and a summary (text), or only the documented JSON array (json).</summary>
    private static LabOutcome Test(CliConsole console, LabName name, bool json)
    {
        var report = new LabTest(json ? _ => { } : console.Out.WriteLine).RunAsync(name).GetAwaiter().GetResult();
        bool ran = report.Verdicts.Count > 0 || report.Outcome.Succeeded;
        if (ran) console.Out.WriteLine(json ? LabVerdict.ToJson(report.Verdicts) : report.Summary);
        return report.Outcome;
    }

    private static Command Sub(string verb, string description, CliConsole console, bool withSet, IEnumerable<Option> options,
        Func<ParseResult, string, LabName, Dictionary<string, string>?, LabOutcome> run)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file." };
        var nameOption = new Option<string?>("--name") { Description = "Lab name (1-8 of a-z, 0-9); default: 6 hex digits of the file's full path." };
        var set = SourceFile.SetOption();
        var command = new Command(verb, description) { file, nameOption };
        if (withSet) command.Options.Add(set);
        foreach (var option in options) command.Options.Add(option);
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
            var outcome = run(parse, path, given is null ? LabName.FromFile(path) : new LabName(given), overrides);
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

using System.CommandLine;
using System.Linq;
using NetDsl.Diagnostics;

namespace NetDsl.Cli.Commands;

/// <summary>`netdsl check FILE`: parse and bind, print every diagnostic as file(line,col): severity id: message, exit 1 on errors.</summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file to check." };
        var set = SourceFile.SetOption();
        var command = new Command("check", "Check a .netdsl file and print its diagnostics.") { file, set };
        command.SetAction(parse =>
        {
            var result = SourceFile.Compile(parse.GetValue(file)!, parse.GetValue(set), console);
            if (result is null) return ExitCodes.Usage;
            int errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            int warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
            console.Out.WriteLine(errors == 0
                ? $"{parse.GetValue(file)}: ok ({warnings} warning(s))"
                : $"{parse.GetValue(file)}: {errors} error(s), {warnings} warning(s)");
            return errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}

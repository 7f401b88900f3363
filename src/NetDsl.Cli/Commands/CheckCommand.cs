using System.CommandLine;

namespace NetDsl.Cli.Commands;

/// <summary>`netdsl check FILE`: parse and bind, print every diagnostic, exit 1 on errors.</summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The .netdsl file to check." };
        var command = new Command("check", "Check a .netdsl file and print its diagnostics.") { file };
        command.SetAction(parse =>
        {
            console.Out.WriteLine("check: not implemented yet");
            return ExitCodes.Internal;
        });
        return command;
    }
}

using System;
using System.CommandLine;

namespace NetDsl.Cli.Commands;

/// <summary>`netdsl lsp`: the language server over stdio (a shell over NetDsl.LanguageServer; see docs/editors.md).</summary>
public static class LspCommand
{
    public static Command Create(CliConsole console)
    {
        var delay = new Option<int>("--diagnostics-delay") { Description = "Milliseconds between the last edit and the diagnostics it publishes.", DefaultValueFactory = _ => 150 };
        var command = new Command("lsp", "Run the NetDsl language server over stdin/stdout (for editors).") { delay };
        command.SetAction(parse =>
        {
            int ms = parse.GetValue(delay);
            if (ms < 0)
            {
                console.Error.WriteLine("netdsl: --diagnostics-delay must be 0 or more");
                return ExitCodes.Usage;
            }
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            var server = new LanguageServer.LanguageServer(input, output, new LanguageServer.ServerOptions(TimeSpan.FromMilliseconds(ms)));
            return server.Run();
        });
        return command;
    }
}

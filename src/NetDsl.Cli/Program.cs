using System;
using System.Linq;
using System.CommandLine;
using NetDsl.Cli.Commands;

namespace NetDsl.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Terminal.ForStandardError());

    /// <summary>Entry point for tests: runs the command line with the given writers, never throws.</summary>
    /// <param name="errorTerminal">Non-null when <paramref name="stderr"/> is a terminal progress may be redrawn on.</param>
    public static int Run(string[] args, System.IO.TextWriter stdout, System.IO.TextWriter stderr, Terminal? errorTerminal = null)
    {
        var console = new CliConsole(stdout, stderr) { ErrorTerminal = errorTerminal };
        // Named "netdsl" whatever the assembly is called (NetDsl.Cli: see the csproj), so help shows what users type;
        // a RootCommand takes the executable's name, so this is a plain command with the options a root has.
        var root = new Command("netdsl", "NetDsl: compile a .netdsl description of Docker IPv6 hosts, routers and NPTv6 firewalls into configs, plans and checks.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        // One line per command group; each lives in Commands/.
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(FmtCommand.Create(console));
        root.Subcommands.Add(LspCommand.Create(console));
        root.Subcommands.Add(TraceCommand.Create(console));
        root.Subcommands.Add(EmitCommand.Create(console));
        root.Subcommands.Add(GraphCommand.Create(console));
        root.Subcommands.Add(Nptv6Command.Create(console));
        root.Subcommands.Add(PlanCommand.Create(console));
        root.Subcommands.Add(ApplyCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(DestroyCommand.Create(console));
        root.Subcommands.Add(LabCommand.Create(console));
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?" or "--version"))
            {
                // Usage errors get their own exit code, distinct from "the file has errors" (1).
                foreach (var error in parse.Errors) stderr.WriteLine("netdsl: " + error.Message);
                stderr.WriteLine("Run 'netdsl --help' for usage.");
                return ExitCodes.Usage;
            }
            // Exceptions reach the catch below (one line, no stack trace); signals are handled by the commands that
            // change things (Interruption), not by terminating the process after a grace period.
            var configuration = new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            return parse.Invoke(configuration);
        }
        catch (Exception e)
        {
            // Last line of defence: a bug must still end with a message and a non-zero exit, not a stack trace.
            stderr.WriteLine("netdsl: internal error: " + e.Message);
            return 70;
        }
    }
}

using System.IO;

namespace NetDsl.Diagrams.Tests;

/// <summary>Runs the CLI in-process and captures what it printed.</summary>
public static class CliRunner
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

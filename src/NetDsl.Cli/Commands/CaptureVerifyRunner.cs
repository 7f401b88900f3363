using System.IO;
using NetDsl.Captures;
using NetDsl.Captures.Verification;

namespace NetDsl.Cli.Commands;

/// <summary>
/// `netdsl verify FILE --captures DIR`: the VerifyPlan held against pasted device outputs instead of a live engine
/// (no engine is contacted). One line per fact on stdout, then a summary; unreadable captures on stderr with file and
/// line. Exit 1 on any failed fact or capture error, 0 otherwise (not-covered facts do not fail).
/// </summary>
internal static class CaptureVerifyRunner
{
    public static int Run(string file, string[]? sets, string directory, CliConsole console)
    {
        if (!Directory.Exists(directory))
        {
            console.Error.WriteLine($"netdsl: --captures '{directory}': no such directory");
            return ExitCodes.Usage;
        }
        var result = SourceFile.Compile(Path.GetFullPath(file), sets, console);
        if (result is null) return ExitCodes.Usage;
        if (result.HasErrors || result.Model is null) return ExitCodes.Failure;
        var report = CaptureVerifier.Verify(result.Model, CaptureSet.Load(directory));
        foreach (var error in report.Errors) console.Error.WriteLine("netdsl: capture error: " + error);
        foreach (var warning in report.Warnings) console.Error.WriteLine("netdsl: warning: " + warning);
        foreach (var r in report.Results) console.Out.WriteLine(r);
        console.Out.WriteLine(report.Summary);
        return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}

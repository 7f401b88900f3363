using System.Diagnostics;
using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>
/// Editor tests need Node.js with editors/vscode's packages installed (`npm ci`) and Neovim. Under plain `dotnet test`
/// without them they are ignored with the reason shown; with NETDSL_REQUIRE_LAB=1 (.ci/run) a missing one is a failure.
/// </summary>
public static class EditorRequirement
{
    public static string VsCodeFolder => Path.Combine(RepoPaths.Root, "editors", "vscode");

    public static void RequireNodeModules()
    {
        if (LabRequirement.FindOnPath("node") is null) Unavailable("needs Node.js (`node`)");
        if (!Directory.Exists(Path.Combine(VsCodeFolder, "node_modules", "vscode-textmate"))) Unavailable("needs `npm ci` in editors/vscode");
    }

    public static string RequireNeovim()
    {
        var nvim = LabRequirement.FindOnPath("nvim");
        if (nvim is null) Unavailable("needs Neovim (`apt-get install neovim`)");
        return nvim!;
    }

    private static void Unavailable(string reason)
    {
        if (LabRequirement.Required) Assert.Fail("Editor test prerequisite missing while NETDSL_REQUIRE_LAB=1: " + reason);
        Assert.Ignore("Editor test skipped: " + reason + " (set up as .ci/run does)");
    }

    /// <summary>Runs a command to its end; (exit code, stdout + stderr).</summary>
    public static (int Code, string Output) Run(string workingDirectory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(300_000)) { process.Kill(entireProcessTree: true); return (-1, stdout + stderr.Result + "\n(timed out)"); }
        return (process.ExitCode, stdout + stderr.Result);
    }
}

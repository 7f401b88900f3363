using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace NetDsl.Generators.Tests.Support;

/// <summary>
/// Runs the real `dotnet` CLI for the few end-to-end tests (each build costs 10-20 s on the CI machine).
/// Builds leave no servers behind: no MSBuild node reuse, no shared compiler server.
/// </summary>
internal static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>The configuration the tests were built in (the end-to-end builds reuse its outputs).</summary>
    public static string Configuration =>
        typeof(DotnetCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // `dotnet test` exports MSBuild locations for its own use; a child build must find its own.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " took more than 5 minutes:\n" + output);
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    public static string NewTempDirectory(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "netdsl-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The `file(line,col): severity id: message` lines of a build log, once each (MSBuild repeats them in its summary).</summary>
    public static string[] DiagnosticLines(string output, string idPrefix) =>
        output.Split('\n')
            .Select(l => l.TrimEnd('\r').Trim())
            .Where(l => l.Contains(": error " + idPrefix, StringComparison.Ordinal) || l.Contains(": warning " + idPrefix, StringComparison.Ordinal))
            .Select(l => l.Contains(" [", StringComparison.Ordinal) && l.EndsWith("]", StringComparison.Ordinal) ? l.Substring(0, l.LastIndexOf(" [", StringComparison.Ordinal)) : l)
            .Distinct()
            .ToArray();
}

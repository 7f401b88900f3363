using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Generators.Tests.Support;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// README.md's "Adding NetDsl to a config repo", run as written from a clean copy of the repository: one pack command
/// makes both packages at the README's version into a folder feed, a new console project restores the generator from it
/// and builds the example. Then the API on errors in a real build: with the example's Program.cs using the generated
/// class, a typo in lab.netdsl fails the build with NDSL errors only — no C# error anywhere.
/// </summary>
[Category("EndToEnd")]
public class PackFlowTests
{
    [Test]
    public void The_readme_flow_works_verbatim_and_a_typo_shows_only_NDSL_errors()
    {
        string dir = DotnetCli.NewTempDirectory("readme");
        try
        {
            string clone = Path.Combine(dir, "netdsl");
            CopyTrackedFiles(RepoPaths.Root, clone);
            string script = ReadmeBlock();
            Assert.That(script, Does.Contain("dotnet pack NetDsl.Packages.slnf"));

            // The restore of this run goes to a folder of its own (so a package from an earlier run can never be used);
            // every other package comes from the machine's cache.
            string packages = Path.Combine(dir, "packages");
            var flow = Bash(clone, script, packages);
            Assert.That(flow.ExitCode, Is.EqualTo(0), flow.Output);
            Assert.That(Directory.GetFiles(Path.Combine(dir, "netdsl-packages")).Select(Path.GetFileName),
                Is.EquivalentTo(new[] { "NetDsl.0.1.0.nupkg", "NetDsl.Generators.0.1.0.nupkg" }));
            Assert.That(Directory.Exists(Path.Combine(packages, "netdsl.generators", "0.1.0")) && Directory.Exists(Path.Combine(packages, "netdsl", "0.1.0")), Is.True,
                "both packages restored from the folder feed");
            string lab = Path.Combine(dir, "my-lab", "lab.netdsl");
            Assert.That(DotnetCli.DiagnosticLines(flow.Output, "NDSL"), Has.Length.EqualTo(1).And.Some.Contains("(51,33): warning NDSL5004"), flow.Output);

            // The example's program against the generated class, then a typo in the .netdsl file.
            string program = File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "squid-ipv6", "Program.cs")).Replace("using Squid.Ipv6;", "using my_lab;");
            File.WriteAllText(Path.Combine(dir, "my-lab", "Program.cs"), program);
            var good = Bash(Path.Combine(dir, "my-lab"), "dotnet build", packages);
            Assert.That(good.ExitCode, Is.EqualTo(0), good.Output);
            File.WriteAllText(lab, File.ReadAllText(lab).Replace("container cnt01 on br_ipv6_nw {", "container cnt01 on br_ipv6_nx {").Replace("  image CNT01_IMAGE", "  imag CNT01_IMAGE"));
            var typo = Bash(Path.Combine(dir, "my-lab"), "dotnet build", packages);
            Assert.That(typo.ExitCode, Is.Not.EqualTo(0), typo.Output);
            var errors = typo.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
            Assert.That(errors.Where(l => l.Contains(": error NDSL", StringComparison.Ordinal)), Is.Not.Empty, typo.Output);
            Assert.That(errors.Where(l => !l.Contains(": error NDSL", StringComparison.Ordinal)), Is.Empty, "only NDSL errors:\n" + typo.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The shell block of the README's "Adding NetDsl to a config repo".</summary>
    private static string ReadmeBlock()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int section = readme.IndexOf("## Adding NetDsl to a config repo", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThan(0), "the README section");
        int start = readme.IndexOf("```sh\n", section, StringComparison.Ordinal) + "```sh\n".Length;
        int end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme.Substring(start, end - start) + "\n";
    }

    /// <summary>What `git ls-files` lists, copied as it is in the working tree: a clone without build outputs or packages.</summary>
    private static void CopyTrackedFiles(string root, string target)
    {
        var files = Git(root, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(files, Is.Not.Empty, "git ls-files");
        foreach (var file in files)
        {
            string from = Path.Combine(root, file);
            if (!File.Exists(from)) continue;   // deleted in the working tree
            string to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static DotnetCli.Result Bash(string directory, string script, string packages)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-euo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["RestorePackagesPath"] = packages;
        start.Environment["RestoreFallbackFolders"] = cache;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(10).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return new DotnetCli.Result(-1, output + "\n(timed out)");
        }
        process.WaitForExit();
        return new DotnetCli.Result(process.ExitCode, output.ToString());
    }
}

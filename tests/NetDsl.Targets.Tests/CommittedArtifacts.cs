using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>
/// An example's committed artifacts are what `netdsl emit` writes today (`emit --check`). With NETDSL_UPDATE_GOLDEN=1
/// they are written again instead, and the test fails so the update is reviewed: topology.md follows what trace
/// says, so any change to the tracer shows up here, to be regenerated, never edited by hand.
/// </summary>
internal static class CommittedArtifacts
{
    /// <returns>What emit --check printed (it passed).</returns>
    public static string AssertUpToDate(string example)
    {
        string source = Path.Combine(RepoPaths.Examples, example, "lab.netdsl");
        string folder = Path.Combine(RepoPaths.Examples, example, "artifacts");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        if (Golden.Updating)
        {
            int written = Cli.Program.Run(new[] { "emit", source, "-o", folder }, stdout, stderr);
            Assert.That(written, Is.EqualTo(0), stdout + stderr.ToString());
            if (stdout.ToString().Contains("wrote:"))
                Assert.Fail($"examples/{example}/artifacts rewritten (NETDSL_UPDATE_GOLDEN=1); review the diff, run again without it.\n{stdout}");
            stdout.GetStringBuilder().Clear();
        }
        int code = Cli.Program.Run(new[] { "emit", source, "-o", folder, "--check" }, stdout, stderr);
        Assert.That(code, Is.EqualTo(0), $"examples/{example}/artifacts is stale: regenerate it with NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Targets.Tests\n{stdout}{stderr}");
        return stdout.ToString();
    }
}

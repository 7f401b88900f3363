using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>The second example (two Docker hosts, a /48 NPTv6 rule): its committed artifacts are what `netdsl emit` renders.</summary>
public class TwoHostsExampleTests
{
    private static string Source => Path.Combine(RepoPaths.Examples, "two-hosts", "lab.netdsl");

    [Test]
    public void Committed_artifacts_are_up_to_date()
    {
        // NETDSL_UPDATE_GOLDEN=1 regenerates them.
        Assert.That(CommittedArtifacts.AssertUpToDate("two-hosts"), Does.Contain("11 artifact(s) up to date"));
    }

    [Test]
    public void Checks_without_warnings()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Program.Run(new[] { "check", Source }, stdout, stderr);
        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        Assert.That(stderr.ToString(), Is.Empty);
    }
}

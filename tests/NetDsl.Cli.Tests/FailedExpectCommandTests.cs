using System;
using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

/// <summary>
/// A file whose only errors are failed expects (a broken ping, a no-ping whose path is open) still has a whole model:
/// `trace` and `nptv6` run on it — exactly when the user needs the hop-by-hop story — while `check` and `emit` keep
/// failing on it.
/// </summary>
public class FailedExpectCommandTests
{
    private string _dir = "";
    private string _file = "";

    [SetUp]
    public void WriteFile()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "netdsl-failed-expects-" + Guid.NewGuid().ToString("N")));
        _file = Path.Combine(_dir, "lab.netdsl");
        File.WriteAllText(_file, File.ReadAllText(RepoPaths.SquidExample)
            + "expect ping isp -> cnt01\n"               // broken: the upstream has no route to the unique-local network
            + "expect no-ping cnt01 -> dns.google\n");   // open: the path works
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Check_fails_on_both_expects()
    {
        var run = CliRun.Of("check", _file);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("error NDSL6001: expect ping isp -> cnt01 fails at isp: no route to fd5a:ceb9:ed8d:1::2"));
        Assert.That(run.Error, Does.Contain("error NDSL6101: expect no-ping cnt01 -> dns.google does not hold: the echo request reaches isp and its reply comes back"));
    }

    [Test]
    public void Emit_writes_nothing()
    {
        var output = Path.Combine(_dir, "out");
        var run = CliRun.Of("emit", _file, "-o", output);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(Directory.Exists(output) && Directory.GetFileSystemEntries(output).Length > 0, Is.False, "a file with errors produces no artifacts");
    }

    [Test]
    public void Trace_runs_on_the_failed_expect_and_on_the_rest()
    {
        var broken = CliRun.Of("trace", _file, "isp", "cnt01");
        Assert.That(broken.ExitCode, Is.EqualTo(1), broken.Out + broken.Error);
        Assert.That(broken.Out, Does.Contain("result: BROKEN at isp: no route to fd5a:ceb9:ed8d:1::2"));

        var works = CliRun.Of("trace", _file, "cnt01", "dns.google");
        Assert.That(works.ExitCode, Is.EqualTo(0), works.Out + works.Error);
        Assert.That(works.Out, Does.Contain("nptv6-out: source fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5 => 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5").And.Contain("result: ok"));
    }

    [Test]
    public void Nptv6_translate_runs_on_the_file()
    {
        var run = CliRun.Of("nptv6", "translate", _file, "--rule", "nat66_NPTv6_to_internet", "fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Out + run.Error);
        Assert.That(run.Out, Does.Contain("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5"));
    }
}

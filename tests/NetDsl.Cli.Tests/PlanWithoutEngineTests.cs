using System;
using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

/// <summary>`netdsl plan` shows the daemon.json part even when no engine answers (issue 4, milestone 1).</summary>
public class PlanWithoutEngineTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "netdsl-plan-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private CliRun Plan(string daemonJson) => CliRun.Of("plan", RepoPaths.SquidExample, "--daemon-json", daemonJson,
        "--docker-host", "unix://" + Path.Combine(_dir, "no-engine.sock"));

    [Test]
    public void Daemon_json_diff_and_restart_are_shown_and_the_incomplete_plan_is_an_error()
    {
        string path = Path.Combine(_dir, "daemon.json");
        File.WriteAllText(path, "{\"debug\": true, \"ipv6\": false}\n");
        var run = Plan(path);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Out + run.Error);
        Assert.That(run.Error, Does.Contain("unreachable"));
        Assert.That(run.Out, Does.Contain("~ \"ipv6\": false -> true"));
        Assert.That(run.Out, Does.Contain("+ \"fixed-cidr-v6\": \"2001:db8:1::/64\""));
        Assert.That(run.Out, Does.Contain("a reload (SIGHUP) does not apply them"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"debug\": true, \"ipv6\": false}\n"), "plan changes nothing");
    }

    [Test]
    public void Malformed_daemon_json_is_an_error_and_stays_untouched()
    {
        string path = Path.Combine(_dir, "daemon.json");
        File.WriteAllText(path, "{\"debug\": tru");
        var run = Plan(path);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain("error     daemon.json"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("{\"debug\": tru"));
    }
}

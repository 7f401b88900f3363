using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// SIGINT and SIGTERM stop apply at the next safe point: it reports what was and was not done, leaves no child
/// process, exits 130/143, and a rerun converges. The CLI runs as its own process here (signals).
/// </summary>
[TestFixture, NonParallelizable]
public class SignalFaultTests
{
    [SetUp]
    public void Lab() => Require();

    [TearDown]
    public async Task PutBackAsync()
    {
        await SignalAsync(PidOfDockerd(), "CONT");
        await RestoreEngineAsync(restart: true);
    }

    private static int PidOfDockerd() => int.Parse(System.IO.File.ReadAllText(Path.Combine(Dockerd.Folder, "docker.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Sigint_during_the_restart_finishes_it_then_stops_reports_and_exits_130_and_a_rerun_converges()
    {
        string file = File("sg-int.netdsl", Small("sg_int_nw", "fd00:d2::/64", "sg_int_a", "sg_int_b")
            .Replace("docker-host h { }", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 fd00:d1::/64 } }"));
        string marker = Path.Combine(Dockerd.Folder, "restart-begun");
        var p = StartCli(Args("apply", file, "--restart-command", $"touch {marker}; sleep 2; sh {RestartScript}", "--engine-log", EngineLog, "--set", "IMAGE=" + TestModels.Image));
        for (int i = 0; i < 300 && !System.IO.File.Exists(marker); i++) await Task.Delay(100);
        Assert.That(System.IO.File.Exists(marker), Is.True, "the restart never began");
        await SignalAsync(p.Id, "INT");
        var (code, output) = await FinishAsync(p, TimeSpan.FromSeconds(240));

        Assert.That(code, Is.EqualTo(130), output);
        Assert.That(output, Does.Contain("done          engine restart"), "a restart in progress is finished");
        Assert.That(output, Does.Contain("notattempted  ").And.Contain(": interrupted"));
        Assert.That(output, Does.Contain("netdsl: interrupted by SIGINT: stopped at a safe point"));
        Assert.That((await DockerAsync("ps", "-a", "--format", "{{.Names}}")).Split('\n'), Does.Not.Contain("sg_int_a"));
        Assert.That((await NetDsl.Docker.Processes.ProcessRunner.RunAsync("pgrep", new[] { "-f", marker })).StandardOutput.Trim(), Is.Empty, "a child process was left running");
        await AssertNothingLostAsync();

        var (again, againOut) = Netdsl("apply", file, Restarting);
        Assert.That(again, Is.EqualTo(0), againOut);
        Assert.That(Netdsl("plan", file).Code, Is.EqualTo(0));
    }

    [Test]
    public async Task Sigterm_while_the_engine_hangs_exits_143_with_a_report_and_changes_nothing()
    {
        string file = File("sg-term.netdsl", Small("sg_term_nw", "fd00:d3::/64", "sg_term"));
        await SignalAsync(PidOfDockerd(), "STOP");
        var p = StartCli(Args("apply", file));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await SignalAsync(p.Id, "TERM");
        var (code, output) = await FinishAsync(p, TimeSpan.FromSeconds(30));
        await SignalAsync(PidOfDockerd(), "CONT");

        Assert.That(code, Is.EqualTo(143), output);
        Assert.That(output, Does.Contain("netdsl: interrupted by SIGTERM: stopped before anything was changed"));
        Assert.That((await DockerAsync("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Not.Contain("sg_term_nw"));
        await AssertNothingLostAsync();
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
    }
}

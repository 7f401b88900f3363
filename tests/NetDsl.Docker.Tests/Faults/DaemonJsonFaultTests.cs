using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Lab.Docker;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// daemon.json and the engine restart under faults: a restart that would stop dockerd is refused at plan time; one
/// that stops it anyway is undone (previous file back, engine restarted); the file and its backup survive a full
/// disk, a racing apply, a symlink, a strict mode, comments and duplicate keys.
/// </summary>
[TestFixture, NonParallelizable]
public class DaemonJsonFaultTests
{
    [SetUp]
    public void Lab() => Require();

    [TearDown]
    public Task PutBackAsync() => RestoreEngineAsync();

    private static string WithDaemon(string name, string daemon, string network, string subnet) =>
        File(name, Small(network, subnet, new string[0]).Replace("docker-host h { }", "docker-host h { daemon { " + daemon + " } }"));

    [Test]
    public async Task A_fixed_cidr_v6_overlapping_a_network_is_a_plan_error_and_the_engine_is_never_restarted()
    {
        string file = WithDaemon("dj-overlap.netdsl", "ipv6 true  fixed-cidr-v6 fd00:98::/64", "dj_ov_nw", "fd00:c0::/64");
        var (plan, planOut) = Netdsl("plan", file);
        Assert.That(plan, Is.EqualTo(1), planOut);
        Assert.That(planOut, Does.Contain("error     daemon.json fixed-cidr-v6: fd00:98::/64 overlaps fd00:98::/64 of network unrelated_nw: dockerd would refuse to start"));
        string pidBefore = System.IO.File.ReadAllText(Path.Combine(Dockerd.Folder, "docker.pid"));
        var (code, output) = Netdsl("apply", file, Restarting);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("nothing was changed"));
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Is.EqualTo(UnrelatedJson));
        Assert.That(System.IO.File.ReadAllText(Path.Combine(Dockerd.Folder, "docker.pid")), Is.EqualTo(pidBefore), "the engine was restarted");
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_restart_the_engine_refuses_puts_the_previous_file_back_and_the_engine_runs_again()
    {
        // Between plan and restart another tool creates a network inside the new fixed-cidr-v6 (preflight saw
        // none): dockerd refuses to start ("Pool overlaps"). Apply must put the previous file back and restart.
        string file = WithDaemon("dj-restore.netdsl", "ipv6 true  fixed-cidr-v6 fd00:c1::/64", "dj_rs_nw", "fd00:c2::/64");
        string racing = $"{PrivateDockerd.DockerCli} -H {Dockerd.Host} network create --ipv6 --subnet fd00:c1::/80 late_nw >/dev/null 2>&1; sh {RestartScript}";
        try
        {
            var (code, output) = Netdsl("apply", file, "--restart-command", racing, "--engine-log", EngineLog);
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("the engine did not come back after daemon.json changed key \"fixed-cidr-v6\""));
            Assert.That(output, Does.Contain("(engine: failed to start daemon"), "the engine's own log line");
            Assert.That(output, Does.Contain("the previous daemon.json is back and the engine runs with it again"));
            Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Is.EqualTo(UnrelatedJson));
            Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath + ".netdsl.bak"), Is.EqualTo(UnrelatedJson));
            await AssertNothingLostAsync();
        }
        finally
        {
            await TryDockerAsync("network", "rm", "late_nw");
        }
    }

    [Test]
    public async Task A_restart_with_a_bad_key_already_in_the_file_says_so_and_leaves_the_file_as_it_was()
    {
        // A key dockerd does not know, already in the file (someone's edit, never restarted): the previous file
        // cannot start the engine either, and the report says so instead of claiming a recovery.
        string before = UnrelatedJson.Replace("\"shutdown-timeout\": 1", "\"shutdown-timeout\": 1,\n  \"no-such-option\": true");
        System.IO.File.WriteAllText(Dockerd.DaemonJsonPath, before);
        string file = WithDaemon("dj-badkey.netdsl", "ipv6 true  fixed-cidr-v6 fd00:c8::/64", "dj_bk_nw", "fd00:c9::/64");
        var (code, output) = Netdsl("apply", file, Restarting);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("directives don't match any configuration option: no-such-option"), "the engine's own log line");
        Assert.That(output, Does.Contain("the previous daemon.json is back, but the engine did not come back with it either"));
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Is.EqualTo(before));
        await RestoreEngineAsync();
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task On_a_full_filesystem_the_file_and_its_previous_backup_are_kept_whole()
    {
        string dir = Path.Combine(Dockerd.Folder, "full");
        Directory.CreateDirectory(dir);
        (await ProcessRunner.RunAsync("mount", new[] { "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir })).EnsureSuccess();
        try
        {
            string path = Path.Combine(dir, "daemon.json");
            System.IO.File.WriteAllText(path, UnrelatedJson);
            System.IO.File.WriteAllText(path + ".netdsl.bak", "{ \"previous\": \"backup\" }\n");
            // Fill the rest: at most a few bytes remain, less than either the backup or the new file needs.
            await ProcessRunner.RunAsync("dd", new[] { "if=/dev/zero", "of=" + Path.Combine(dir, "filler"), "bs=1k" });
            string file = WithDaemon("dj-full.netdsl", "ipv6 true  fixed-cidr-v6 fd00:c3::/64", "dj_fu_nw", "fd00:c4::/64");

            var (code, output) = Netdsl("apply", file, "--daemon-json", path);
            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("No space left on device"));
            Assert.That(output, Does.Contain("nothing was changed (daemon.json and its previous backup are as they were)"));
            Assert.That(System.IO.File.ReadAllText(path), Is.EqualTo(UnrelatedJson));
            Assert.That(System.IO.File.ReadAllText(path + ".netdsl.bak"), Is.EqualTo("{ \"previous\": \"backup\" }\n"));
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "daemon.json", "daemon.json.netdsl.bak", "filler" }), "a temporary file was left");
            Assert.That((await DockerAsync("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Not.Contain("dj_fu_nw"));
        }
        finally
        {
            await ProcessRunner.RunAsync("umount", new[] { "-l", dir });
        }
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Two_racing_applies_leave_the_original_in_the_backup_and_both_converge()
    {
        string file = WithDaemon("dj-race.netdsl", "live-restore true", "dj_race_nw", "fd00:c5::/64");
        var both = await Task.WhenAll(Task.Run(() => Netdsl("apply", file)), Task.Run(() => Netdsl("apply", file)));
        Assert.That(both.Select(r => r.Code), Is.EqualTo(new[] { 0, 0 }), string.Join("\n----\n", both.Select(r => r.Output)));
        Assert.That(both.Any(r => r.Output.Contains("another netdsl apply is running against")), Is.True, "the second apply waited");
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath + ".netdsl.bak"), Is.EqualTo(UnrelatedJson), "the backup holds the file before both applies");
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Does.Contain("\"live-restore\": true"));
        Assert.That(Netdsl("plan", file).Code, Is.EqualTo(0));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_symlinked_daemon_json_with_mode_0600_is_written_through_the_link_and_keeps_its_mode()
    {
        string real = Path.Combine(Dockerd.Folder, "etc-real");
        Directory.CreateDirectory(real);
        string target = Path.Combine(real, "daemon.json");
        System.IO.File.WriteAllText(target, UnrelatedJson);
        System.IO.File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string link = Path.Combine(Dockerd.Folder, "daemon.json.link");
        System.IO.File.CreateSymbolicLink(link, target);
        string file = WithDaemon("dj-link.netdsl", "live-restore true", "dj_ln_nw", "fd00:c6::/64");

        var (code, output) = Netdsl("apply", file, "--daemon-json", link);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the link was replaced by a regular file");
        Assert.That(System.IO.File.ReadAllText(target), Does.Contain("\"live-restore\": true"));
        Assert.That(System.IO.File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(System.IO.File.ReadAllText(link + ".netdsl.bak"), Is.EqualTo(UnrelatedJson));
        await AssertNothingLostAsync();
    }

    [TestCase("{\n  \"log-level\": \"warn\", // quiet\n  \"shutdown-timeout\": 1\n}\n", "has a comment at line 2")]
    [TestCase("{\n  \"log-level\": \"warn\",\n  \"live-restore\": false,\n  \"live-restore\": true\n}\n", "has the key \"live-restore\" twice (lines 3 and 4)")]
    public async Task A_file_with_comments_or_a_duplicate_key_is_refused_with_one_line_and_kept(string text, string expected)
    {
        System.IO.File.WriteAllText(Dockerd.DaemonJsonPath, text);
        string file = WithDaemon("dj-refuse.netdsl", "live-restore true", "dj_rf_nw", "fd00:c7::/64");
        var (plan, planOut) = Netdsl("plan", file);
        Assert.That(plan, Is.EqualTo(1), planOut);
        Assert.That(planOut, Does.Contain(expected));
        var (code, output) = Netdsl("apply", file);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Not.Contain("internal error").And.Not.Contain("   at "));
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Is.EqualTo(text));
        Assert.That(System.IO.File.Exists(Dockerd.DaemonJsonPath + ".netdsl.bak"), Is.False);
        System.IO.File.WriteAllText(Dockerd.DaemonJsonPath, UnrelatedJson);
        await AssertNothingLostAsync();
    }
}

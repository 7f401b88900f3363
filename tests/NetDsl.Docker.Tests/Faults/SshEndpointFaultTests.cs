using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.TestSupport;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// An engine reached as ssh://root@127.0.0.1:2222: Debian's OpenSSH server runs in the fault lab's namespace (its own
/// host key, an authorized key made here), the CLI runs in that namespace as its own process with a HOME of the
/// test's (its key and known_hosts). The Engine API goes through `docker system dial-stdio` over SSH channels,
/// daemon.json is written over SFTP, the restart command and host commands run over SSH. Faults: an unknown host
/// key, a changed one, a key the server refuses, nothing listening — each one clear line, nothing changed.
/// </summary>
[TestFixture, NonParallelizable]
public class SshEndpointFaultTests
{
    private const int Port = 2222;
    private static readonly string Endpoint = $"ssh://root@127.0.0.1:{Port}";
    private string _work = "";
    private string _home = "";
    private string _hostKeyLine = "";

    [OneTimeSetUp]
    public async Task StartSshdAsync()
    {
        LabRequirement.RequireDockerd();
        LabRequirement.RequireRootAndNamespaces("ssh-keygen");
        if (!System.IO.File.Exists("/usr/sbin/sshd"))
        {
            if (LabRequirement.Required) Assert.Fail("Lab prerequisite missing while NETDSL_REQUIRE_LAB=1: needs Debian's openssh-server (/usr/sbin/sshd)");
            Assert.Ignore("Lab test skipped: needs Debian's openssh-server (/usr/sbin/sshd)");
        }
        Require();
        _work = Path.Combine(Dockerd.Folder, "ssh");
        _home = Path.Combine(_work, "home");
        Directory.CreateDirectory(Path.Combine(_home, ".ssh"));
        await KeygenAsync(Path.Combine(_work, "host_key"));
        await KeygenAsync(Path.Combine(_home, ".ssh", "id_ed25519"));
        await KeygenAsync(Path.Combine(_work, "stranger_key"));
        System.IO.File.Copy(Path.Combine(_home, ".ssh", "id_ed25519.pub"), Path.Combine(_work, "authorized_keys"));
        var hostPub = System.IO.File.ReadAllText(Path.Combine(_work, "host_key.pub")).Split(' ');
        _hostKeyLine = $"[127.0.0.1]:{Port} {hostPub[0]} {hostPub[1]}";
        await StartSshdAsync(Port, Dockerd.Host);
        // A second server whose sessions point the docker CLI at no engine: dial-stdio fails there.
        await StartSshdAsync(Port + 2, "unix:///nonexistent/docker.sock");
    }

    private string ConfigFor(int port) => Path.Combine(_work, $"sshd_config.{port}");

    private async Task StartSshdAsync(int port, string dockerHost)
    {
        string pidFile = Path.Combine(_work, $"sshd.{port}.pid");
        System.IO.File.WriteAllText(ConfigFor(port), $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(_work, "host_key")}
            PidFile {pidFile}
            AuthorizedKeysFile {Path.Combine(_work, "authorized_keys")}
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            Subsystem sftp internal-sftp
            SetEnv DOCKER_HOST={dockerHost}

            """);
        Directory.CreateDirectory("/run/sshd");   // OpenSSH's privilege separation directory
        // nsenter (not `ip netns exec`): the restart script starts dockerd from an SSH session, and dockerd needs the
        // host's mounts for its cgroups.
        (await ProcessRunner.RunAsync("nsenter", new[] { "--net=" + Dockerd.Namespace.Path, "/usr/sbin/sshd", "-f", ConfigFor(port), "-E", Path.Combine(_work, "sshd.log") })).EnsureSuccess();
        for (int i = 0; i < 50 && !System.IO.File.Exists(pidFile); i++) await Task.Delay(100);
        Assert.That(System.IO.File.Exists(pidFile), Is.True, "sshd did not start: " + ReadLog());
    }

    [OneTimeTearDown]
    public async Task StopSshdAsync()
    {
        if (_work.Length == 0) return;
        foreach (var pidFile in Directory.GetFiles(_work, "sshd.*.pid"))
            await ProcessRunner.RunAsync("kill", new[] { System.IO.File.ReadAllText(pidFile).Trim() });
        // The sessions' own sshd processes name the config file too.
        await ProcessRunner.RunAsync("pkill", new[] { "-f", Path.Combine(_work, "sshd_config") });
        for (int i = 0; i < 50 && (await ProcessRunner.RunAsync("pgrep", new[] { "-f", Path.Combine(_work, "sshd_config") })).Succeeded; i++) await Task.Delay(100);
        Assert.That((await ProcessRunner.RunAsync("pgrep", new[] { "-f", Path.Combine(_work, "sshd_config") })).Succeeded, Is.False, "an sshd of the test is left running");
    }

    [SetUp]
    public void Lab()
    {
        Require();
        System.IO.File.WriteAllText(Path.Combine(_home, ".ssh", "known_hosts"), _hostKeyLine + "\n");
    }

    [TearDown]
    public Task PutBackAsync()
    {
        System.IO.File.SetUnixFileMode(Dockerd.DaemonJsonPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return RestoreEngineAsync(restart: true);
    }

    private static async Task KeygenAsync(string path) =>
        (await ProcessRunner.RunAsync("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", "", "-C", "netdsl-test", "-f", path })).EnsureSuccess();

    private string ReadLog() => System.IO.File.Exists(Path.Combine(_work, "sshd.log")) ? System.IO.File.ReadAllText(Path.Combine(_work, "sshd.log")) : "(no sshd log)";

    /// <summary>The CLI as its own process in the lab's namespace (where 127.0.0.1:2222 is the sshd), HOME the test's.</summary>
    private async Task<(int Code, string Output)> OverSshAsync(params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "NetDsl.Cli");
        var r = await ProcessRunner.RunAsync("nsenter", new[] { "--net=" + Dockerd.Namespace.Path, "env", "HOME=" + _home, "DOCKER_HOST=", cli }.Concat(args), timeout: TimeSpan.FromMinutes(3));
        string output = r.StandardOutput + r.StandardError;
        TestContext.Out.WriteLine("$ netdsl " + string.Join(" ", args) + "  → " + r.ExitCode + "\n" + output);
        return (r.ExitCode, output);
    }

    private static string SshFile(string name) =>
        File(name, Small("ssh_nw", "fd00:c9::/64", "ssh_c1").Replace("docker-host h { }", "docker-host h { daemon { ipv6 true  fixed-cidr-v6 fd00:ca::/64 } }"));

    [Test]
    public async Task Apply_plan_verify_and_destroy_over_ssh_reach_the_engine_its_daemon_json_and_its_restart()
    {
        string file = SshFile("ssh-apply.netdsl");
        System.IO.File.SetUnixFileMode(Dockerd.DaemonJsonPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string pidBefore = System.IO.File.ReadAllText(Path.Combine(Dockerd.Folder, "docker.pid"));
        string[] remote = { "--docker-host", Endpoint, "--daemon-json", Dockerd.DaemonJsonPath };

        var (plan, planOut) = await OverSshAsync(new[] { "plan", file }.Concat(remote).ToArray());
        Assert.That(plan, Is.EqualTo(2), planOut);
        Assert.That(planOut, Does.Contain("fixed-cidr-v6"), "plan reads the remote daemon.json over SFTP");

        var (code, output) = await OverSshAsync(new[] { "apply", file, "--stop-timeout", "1" }.Concat(remote).Concat(Restarting).ToArray());
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(await DockerAsync("inspect", "-f", "{{.State.Running}}", "ssh_c1"), Is.EqualTo("true"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath))!.AsObject();
        Assert.That(json["fixed-cidr-v6"]?.GetValue<string>(), Is.EqualTo("fd00:ca::/64"), "written over SFTP");
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath + ".netdsl.bak"), Is.EqualTo(UnrelatedJson), "the backup holds the previous file");
        Assert.That(System.IO.File.GetUnixFileMode(Dockerd.DaemonJsonPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "mode kept over SFTP");
        Assert.That(System.IO.File.ReadAllText(Path.Combine(Dockerd.Folder, "docker.pid")), Is.Not.EqualTo(pidBefore), "the restart command ran (over SSH)");
        Assert.That(await DockerAsync("network", "inspect", "-f", "{{.EnableIPv6}}", "bridge"), Is.EqualTo("true"), "the engine runs with the new file");
        await AssertNothingLostAsync();

        var (again, againOut) = await OverSshAsync(new[] { "plan", file }.Concat(remote).ToArray());
        Assert.That(again, Is.EqualTo(0), againOut);
        // verify runs commands in containers: exec's hijacked stream over dial-stdio.
        var (verify, verifyOut) = await OverSshAsync("verify", file, "--docker-host", Endpoint);
        Assert.That(verify, Is.EqualTo(0), verifyOut);

        var (destroy, destroyOut) = await OverSshAsync(new[] { "destroy", file }.Concat(remote).Concat(Restarting).ToArray());
        Assert.That(destroy, Is.EqualTo(0), destroyOut);
        Assert.That((await TryDockerAsync("inspect", "ssh_c1")).Ok, Is.False, "destroy removed the container");
        json = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath))!.AsObject();
        Assert.That(json.ContainsKey("fixed-cidr-v6"), Is.False, "destroy put daemon.json's keys back over SFTP");
        Assert.That(System.IO.File.Exists(Dockerd.DaemonJsonPath + ".netdsl.keys.json"), Is.False, "the key record is gone");
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_host_key_not_in_known_hosts_is_refused_with_its_fingerprint_and_the_fix()
    {
        System.IO.File.WriteAllText(Path.Combine(_home, ".ssh", "known_hosts"), "");
        var (code, output) = await OverSshAsync("apply", SshFile("ssh-unknown.netdsl"), "--docker-host", Endpoint, "--daemon-json", Dockerd.DaemonJsonPath);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("the SSH host key of [127.0.0.1]:2222 (ssh-ed25519 SHA256:"));
        Assert.That(output, Does.Contain("ssh-keyscan -p 2222 127.0.0.1 >> ~/.ssh/known_hosts"));
        Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("internal error"));
        Assert.That((await TryDockerAsync("inspect", "ssh_c1")).Ok, Is.False, "nothing was created");
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Is.EqualTo(UnrelatedJson));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_changed_host_key_is_refused_and_named()
    {
        var stranger = System.IO.File.ReadAllText(Path.Combine(_work, "stranger_key.pub")).Split(' ');
        System.IO.File.WriteAllText(Path.Combine(_home, ".ssh", "known_hosts"), $"[127.0.0.1]:{Port} {stranger[0]} {stranger[1]}\n");
        var (code, output) = await OverSshAsync("plan", SshFile("ssh-changed.netdsl"), "--docker-host", Endpoint);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("is not the one known_hosts lists for it"));
        Assert.That(output, Does.Contain("ssh-keygen -R '[127.0.0.1]:2222'"));
        Assert.That(output, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task A_key_the_server_refuses_and_a_port_nobody_listens_on_are_one_clear_line_each()
    {
        var (refused, refusedOut) = await OverSshAsync("plan", SshFile("ssh-key.netdsl"), "--docker-host", Endpoint, "--ssh-key", Path.Combine(_work, "stranger_key"));
        Assert.That(refused, Is.EqualTo(1), refusedOut);
        Assert.That(refusedOut, Does.Contain("the SSH server at 127.0.0.1:2222 refused root's keys"));
        var (closed, closedOut) = await OverSshAsync("plan", SshFile("ssh-port.netdsl"), "--docker-host", $"ssh://root@127.0.0.1:{Port + 1}");
        Assert.That(closed, Is.EqualTo(1), closedOut);
        Assert.That(closedOut, Does.Contain($"nothing listens for SSH at 127.0.0.1:{Port + 1}"));
        Assert.That(refusedOut + closedOut, Does.Not.Contain("   at ").And.Not.Contain("internal error").And.Not.Contain("make it readable"));
    }

    [Test]
    public async Task A_machine_whose_docker_cli_cannot_reach_an_engine_is_named_by_dial_stdios_own_words()
    {
        System.IO.File.AppendAllText(Path.Combine(_home, ".ssh", "known_hosts"), $"[127.0.0.1]:{Port + 2} {_hostKeyLine.Split(' ', 2)[1]}\n");
        var (code, output) = await OverSshAsync("plan", SshFile("ssh-nocli.netdsl"), "--docker-host", $"ssh://root@127.0.0.1:{Port + 2}");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("`docker system dial-stdio` on root@127.0.0.1:2224 exited"));
        Assert.That(output, Does.Contain("nonexistent/docker.sock"), "the remote CLI's own error");
        Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("internal error"));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Docker;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// One private dockerd shared by every fault test (starting one costs seconds; CI time matters): an unrelated
/// network and a running unrelated container, and a daemon.json with unrelated keys, which every test asserts
/// survive its fault ("nothing lost"). Each test uses its own file (so its own ownership label), names and subnets.
/// </summary>
[SetUpFixture]
public sealed class FaultLab
{
    public const string UnrelatedJson = "{\n  \"log-level\": \"warn\",\n  \"labels\": [\"fixture=unrelated\"],\n  \"shutdown-timeout\": 1\n}\n";

    private static PrivateDockerd? _dockerd;

    public static PrivateDockerd Dockerd => _dockerd ?? throw new InvalidOperationException("fault lab not started (prerequisites missing?)");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!LabRequirement.IsRoot() && !LabRequirement.Required) return;   // each fixture's own Require skips visibly
        if (LabRequirement.FindOnPath("dockerd") is null || !System.IO.File.Exists(PrivateDockerd.DockerCli)) return;
        // Detached (pid file, log file), so a shell script can restart it as `systemctl restart docker` would.
        _dockerd = await PrivateDockerd.StartDetachedAsync("ndsl-ap-" + Environment.ProcessId, UnrelatedJson);
        await _dockerd.ImportBusyboxAsync(TestModels.Image);
        await DockerAsync("network", "create", "--subnet", "10.98.0.0/24", "--ipv6", "--subnet", "fd00:98::/64", "unrelated_nw");
        // The operator's container comes back after an engine restart (its restart policy), as on a real host.
        await DockerAsync("run", "-d", "-t", "--restart", "unless-stopped", "--name", "unrelated_cnt", "--network", "unrelated_nw", TestModels.Image, "/bin/sh");
        System.IO.File.WriteAllText(RestartScript, RestartScriptText(_dockerd));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dockerd is null) return;
        var name = _dockerd.Name;
        var folder = _dockerd.Folder;
        await _dockerd.DisposeAsync();
        _dockerd = null;
        Assert.That(Directory.Exists(folder), Is.False, "dockerd folder left behind");
        Assert.That(NetDsl.Lab.Namespaces.NetworkNamespace.Exists(name), Is.False, "namespace left behind");
    }

    /// <summary>A script that restarts the lab's dockerd as `systemctl restart docker` does: it returns once the engine
    /// answers, and fails (exit 1) when dockerd exits instead — e.g. refusing its daemon.json.</summary>
    public static string RestartScript => Path.Combine(Dockerd.Folder, "restart.sh");

    public static string EngineLog => Path.Combine(Dockerd.Folder, "dockerd.log");

    /// <summary>apply's options for a restart of the lab's engine.</summary>
    public static string[] Restarting => new[] { "--restart-command", "sh " + RestartScript, "--engine-log", EngineLog };

    private static string RestartScriptText(PrivateDockerd d) => $$"""
        D={{d.Folder}}
        pid=$(cat $D/docker.pid 2>/dev/null)
        if [ -n "$pid" ]; then
          kill -TERM $pid 2>/dev/null; i=0
          while kill -0 $pid 2>/dev/null && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done
          kill -KILL $pid 2>/dev/null
        fi
        setsid nsenter --net={{d.Namespace.Path}} dockerd --data-root $D/data --exec-root $D/exec -H unix://$D/docker.sock           --pidfile $D/docker.pid --config-file $D/daemon.json </dev/null >>$D/dockerd.log 2>&1 &
        new=$!; i=0
        while [ $i -lt 900 ]; do
          kill -0 $new 2>/dev/null || { echo "dockerd exited: see $D/dockerd.log" >&2; exit 1; }
          {{PrivateDockerd.DockerCli}} -H unix://$D/docker.sock version >/dev/null 2>&1 && exit 0
          sleep 0.1; i=$((i+1))
        done
        exit 1
        """;

    /// <summary>Puts the lab's daemon.json back and, when the engine is down, starts it again (after a test that broke it).</summary>
    public static async Task RestoreEngineAsync(bool restart = false)
    {
        bool changed = System.IO.File.ReadAllText(Dockerd.DaemonJsonPath) != UnrelatedJson;
        System.IO.File.WriteAllText(Dockerd.DaemonJsonPath, UnrelatedJson);
        foreach (var f in Directory.GetFiles(Dockerd.Folder, "daemon.json*").Where(f => f != Dockerd.DaemonJsonPath)) System.IO.File.Delete(f);
        if ((restart && changed) || !(await TryDockerAsync("version")).Ok)
            await NetDsl.Docker.Processes.ProcessRunner.RunAsync("sh", new[] { RestartScript }, timeout: TimeSpan.FromSeconds(60));
    }

    /// <summary>Every fault test starts with this: skip (or fail under NETDSL_REQUIRE_LAB=1) without a private dockerd.</summary>
    public static void Require()
    {
        LabRequirement.RequireDockerd();
        if (_dockerd is null) Assert.Fail("the fault lab's dockerd did not start");
    }

    public static async Task<string> DockerAsync(params string[] args) => (await Dockerd.DockerAsync(args)).EnsureSuccess().StandardOutput.Trim();

    public static async Task<(bool Ok, string Out)> TryDockerAsync(params string[] args)
    {
        var r = await Dockerd.DockerAsync(args);
        return (r.Succeeded, (r.StandardOutput + r.StandardError).Trim());
    }

    /// <summary>
/// Writes a .netdsl file into the lab folder; its file name is its ownership label, so "v2/x.netdsl" is another
/// version of "x.netdsl" (same owner).
/// </summary>
    public static string File(string name, string text)
    {
        string path = Path.Combine(Dockerd.Folder, "files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the CLI in process against the lab's dockerd; the output is logged to the test.</summary>
    public static (int Code, string Output) Netdsl(string command, string file, params string[] extra)
    {
        var args = new List<string> { command, file, "--docker-host", Dockerd.Host, "--host-netns", Dockerd.Name };
        if (command is "plan" or "apply" or "destroy" && !extra.Contains("--daemon-json")) args.AddRange(new[] { "--daemon-json", Dockerd.DaemonJsonPath });
        if (command == "apply" && !extra.Contains("--stop-timeout")) args.AddRange(new[] { "--stop-timeout", "1" });
        args.AddRange(extra);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetDsl.Cli.Program.Run(args.ToArray(), stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine("$ netdsl " + string.Join(" ", args) + "  → " + code + "\n" + output);
        return (code, output);
    }

    /// <summary>The CLI as its own process (signals, another user): the apphost built beside the tests.</summary>
    public static System.Diagnostics.Process StartCli(IEnumerable<string> args, string? asUser = null)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "NetDsl.Cli");
        // A test run started in the background (CI, nohup … &) inherits SIGINT ignored, and a process started with a
        // signal ignored keeps it ignored; perl puts SIGINT back to its default before exec, as a terminal has it.
        var info = new System.Diagnostics.ProcessStartInfo("perl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-e", "$SIG{INT} = 'DEFAULT'; $SIG{QUIT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"" }) info.ArgumentList.Add(a);
        if (asUser is not null) foreach (var a in new[] { "runuser", "-u", asUser, "--" }) info.ArgumentList.Add(a);
        info.ArgumentList.Add(cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return System.Diagnostics.Process.Start(info)!;
    }

    /// <summary>Waits for a process started by <see cref="StartCli"/>; its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> FinishAsync(System.Diagnostics.Process p, TimeSpan timeout)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new System.Threading.CancellationTokenSource(timeout);
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); Assert.Fail("the CLI did not exit within " + timeout); }
        string output = await stdout + await stderr;
        TestContext.Out.WriteLine("$ netdsl (process) → " + p.ExitCode + "\n" + output);
        return (p.ExitCode, output);
    }

    /// <summary>The arguments <see cref="Netdsl"/> passes, for a CLI run as its own process.</summary>
    public static List<string> Args(string command, string file, params string[] extra)
    {
        var args = new List<string> { command, file, "--docker-host", Dockerd.Host, "--host-netns", Dockerd.Name, "--daemon-json", Dockerd.DaemonJsonPath };
        args.AddRange(extra);
        return args;
    }

    /// <summary>Sends a signal to a process by pid.</summary>
    public static Task SignalAsync(int pid, string signal) =>
        NetDsl.Docker.Processes.ProcessRunner.RunAsync("kill", new[] { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>
    /// "Nothing lost": the engine answers, the unrelated network and container exist and the container runs, and
    /// daemon.json still holds the unrelated keys.
    /// </summary>
    public static async Task AssertNothingLostAsync()
    {
        var (ok, version) = await TryDockerAsync("version", "--format", "{{.Server.Version}}");
        Assert.That(ok, Is.True, "the engine is not running: " + version + " | " + Dockerd.Tail());
        Assert.That((await DockerAsync("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Contain("unrelated_nw"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.State.Running}}", "unrelated_cnt"), Is.EqualTo("true"), "the unrelated container stopped");
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath))!.AsObject();
        Assert.That(json["log-level"]?.GetValue<string>(), Is.EqualTo("warn"), "daemon.json lost an unrelated key");
    }

    /// <summary>A small file: one network, containers on it (busybox, /bin/sh with a tty, so it keeps running).</summary>
    public static string Small(string network, string subnet, params string[] containers) =>
        $"let IMAGE = \"{TestModels.Image}\"\ndocker-host h {{ }}\n"
        + $"network {network} on h {{ subnet {subnet} }}\n"
        + string.Concat(containers.Select(c => $"container {c} on {network} {{ image IMAGE  command [\"/bin/sh\"]  tty }}\n"));

    public static string[] Image(string image = TestModels.Image) => new[] { "--set", "IMAGE=" + image };
}

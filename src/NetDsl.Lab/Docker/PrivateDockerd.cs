using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Lab.Namespaces;
using NetDsl.Docker.Processes;

namespace NetDsl.Lab.Docker;

/// <summary>
/// A dockerd of its own in a fresh network namespace, never the machine's: data-root, exec-root, socket, pid file
/// and daemon.json all under one folder (/tmp/netdsl-dockerd-NAME). Started with <c>nsenter --net=</c> (not
/// <c>ip netns exec</c>, which remounts /sys and breaks dockerd's cgroups). Disposing kills it by pid, unmounts
/// whatever it mounted under the folder, removes the folder and the namespace — also after a failed start.
/// </summary>
public sealed class PrivateDockerd : IPrivateEngine
{
    /// <summary>Debian's 20.10 client: the newer one first on PATH speaks a newer API by default.</summary>
    public const string DockerCli = "/usr/bin/docker";

    private Process? _process;
    private readonly bool _detached;

    private PrivateDockerd(string name, NetworkNamespace ns, string folder, bool detached = false)
    {
        Name = name;
        Namespace = ns;
        Folder = folder;
        _detached = detached;
    }

    /// <summary>Where a private dockerd of this name keeps everything (data-root, exec-root, socket, log).</summary>
    public static string FolderFor(string name) => "/tmp/netdsl-dockerd-" + name;

    public string Name { get; }

    public NetworkNamespace Namespace { get; }

    public string Folder { get; }

    public string DaemonJsonPath => Path.Combine(Folder, "daemon.json");

    string? IPrivateEngine.DaemonJsonPath => DaemonJsonPath;

    public string SocketPath => Path.Combine(Folder, "docker.sock");

    public string Host => "unix://" + SocketPath;

    public int? Pid => _detached ? PidFromFile() : _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Creates the namespace, writes daemon.json, starts dockerd and waits until it answers.</summary>
    public static Task<PrivateDockerd> StartAsync(string name, string daemonJson, TimeSpan? timeout = null) =>
        StartAsync(name, daemonJson, detached: false, timeout);

    /// <summary>
    /// As <see cref="StartAsync(string,string,TimeSpan?)"/>, but dockerd runs in a session of its own with its output in
    /// dockerd.log, so it outlives this process (a lab: `lab up` returns, `lab test`/`lab down` find it again with
    /// <see cref="Attach"/>). Disposing still stops it.
    /// </summary>
    public static Task<PrivateDockerd> StartDetachedAsync(string name, string daemonJson, TimeSpan? timeout = null) =>
        StartAsync(name, daemonJson, detached: true, timeout);

    /// <summary>A detached dockerd started earlier (by another process) under this name.</summary>
    public static PrivateDockerd Attach(string name) => new(name, NetworkNamespace.Open(name), FolderFor(name), detached: true);

    /// <summary>
    /// Removes everything a private dockerd of this name may have left, whatever state it is in: containers (so their
    /// processes go with them), dockerd (SIGTERM, then SIGKILL), every process whose command line names its folder
    /// (containerd, shims) with their descendants, mounts under the folder, the folder, the namespace.
    /// </summary>
    public static async Task RemoveAsync(string name)
    {
        var dockerd = Attach(name);
        if (dockerd.Pid is not null && File.Exists(dockerd.SocketPath))
        {
            var ids = await dockerd.DockerAsync("ps", "-aq");
            var list = ids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Succeeded && list.Length > 0) await dockerd.DockerAsync(new[] { "rm", "-f" }.Concat(list).ToArray());
        }
        await dockerd.DisposeAsync();
    }

    private static async Task<PrivateDockerd> StartAsync(string name, string daemonJson, bool detached, TimeSpan? timeout)
    {
        string folder = FolderFor(name);
        if (NetworkNamespace.Exists(name) || Directory.Exists(folder))
            await CleanUpLeftoversAsync(name, folder);
        var ns = await NetworkNamespace.CreateAsync(name);
        var dockerd = new PrivateDockerd(name, ns, folder, detached);
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(dockerd.DaemonJsonPath, daemonJson);
            await dockerd.StartProcessAsync(timeout ?? TimeSpan.FromSeconds(30));
            return dockerd;
        }
        catch
        {
            await dockerd.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops dockerd (SIGTERM, then SIGKILL) and starts it again with the current daemon.json.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        await StopProcessAsync();
        await StartProcessAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs Debian's docker client against this engine.</summary>
    public Task<ProcessResult> DockerAsync(params string[] args) =>
        ProcessRunner.RunAsync(DockerCli, new[] { "-H", Host }.Concat(args), timeout: TimeSpan.FromSeconds(120));

    /// <summary>Imports the busybox test image (<see cref="BusyboxImage"/>).</summary>
    public Task ImportBusyboxAsync(string image) => BusyboxImage.ImportAsync(Folder, Host, image);

    private async Task StartProcessAsync(TimeSpan timeout)
    {
        if (_detached)
        {
            await StartDetachedProcessAsync(timeout);
            return;
        }
        var info = new ProcessStartInfo("nsenter")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--net=" + Namespace.Path, "dockerd",
                     "--data-root", Path.Combine(Folder, "data"), "--exec-root", Path.Combine(Folder, "exec"),
                     "-H", Host, "--pidfile", Path.Combine(Folder, "docker.pid"), "--config-file", DaemonJsonPath,
                 })
            info.ArgumentList.Add(a);
        var log = new StreamWriter(Path.Combine(Folder, "dockerd.log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"dockerd in namespace {Name} exited {process.ExitCode}: {Tail()}");
            if (File.Exists(SocketPath) && (await DockerAsync("version", "--format", "{{.Server.Version}}")).Succeeded) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"dockerd in namespace {Name} did not answer within {timeout.TotalSeconds} s: {Tail()}");
    }

    private string[] DockerdArguments() => new[]
    {
        "--net=" + Namespace.Path, "dockerd",
        "--data-root", Path.Combine(Folder, "data"), "--exec-root", Path.Combine(Folder, "exec"),
        "-H", Host, "--pidfile", Path.Combine(Folder, "docker.pid"), "--config-file", DaemonJsonPath,
    };

    private async Task StartDetachedProcessAsync(TimeSpan timeout)
    {
        // setsid: its own session, so neither the end of this process nor a terminal hangup stops it; output to a
        // file, never a pipe (a pipe whose reader is gone would kill dockerd with SIGPIPE at its next log line).
        var started = await ProcessRunner.RunAsync("sh", new[] { "-c", "setsid \"$@\" </dev/null >>\"$0\" 2>&1 & echo $!", Path.Combine(Folder, "dockerd.log"), "nsenter" }
            .Concat(DockerdArguments()));
        started.EnsureSuccess();
        int.TryParse(started.StandardOutput.Trim(), out int pid);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (pid > 0 && !ProcessTree.IsAlive(pid))
                throw new InvalidOperationException($"dockerd in namespace {Name} exited: {Tail()}");
            if (File.Exists(SocketPath) && (await DockerAsync("version", "--format", "{{.Server.Version}}")).Succeeded) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"dockerd in namespace {Name} did not answer within {timeout.TotalSeconds} s: {Tail()}");
    }

    private int? PidFromFile()
    {
        var pidFile = Path.Combine(Folder, "docker.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid) && ProcessTree.IsAlive(pid) ? pid : null;
        }
        catch (IOException) { return null; }
    }

    /// <summary>The last lines of dockerd's log, for error messages.</summary>
    public string Tail(int lines = 5)
    {
        try
        {
            var path = Path.Combine(Folder, "dockerd.log");
            return File.Exists(path) ? string.Join(" | ", File.ReadLines(path).TakeLast(lines)) : "(no log)";
        }
        catch (IOException) { return "(log unreadable)"; }
    }

    private async Task StopProcessAsync()
    {
        if (_detached)
        {
            await StopDetachedAsync();
            return;
        }
        var p = _process;
        _process = null;
        if (p is null) return;
        using (p)
        {
            if (!p.HasExited)
            {
                // SIGTERM lets dockerd stop its containerd and unmount; SIGKILL only if it hangs.
                await ProcessRunner.RunAsync("kill", new[] { "-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try { await p.WaitForExitAsync(cts.Token); }
                catch (OperationCanceledException)
                {
                    try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                    await p.WaitForExitAsync();
                }
            }
        }
    }

    private async Task StopDetachedAsync()
    {
        if (PidFromFile() is { } pid)
        {
            await ProcessRunner.RunAsync("kill", new[] { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var clock = Stopwatch.StartNew();
            while (ProcessTree.IsAlive(pid) && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(100);
        }
        await KillLeftoversAsync();
    }

    /// <summary>
    /// Whatever is left (a hung dockerd, containerd, shims and the containers under them) goes by pid. Shims detach
    /// from dockerd's process tree (setsid), so killing dockerd's tree misses them: a benchmark with 200 running
    /// containers once left 200 shims and their shells behind.
    /// </summary>
    private async Task KillLeftoversAsync()
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var left = ProcessTree.WithDescendants(ProcessTree.WithCommandLineContaining(Folder + "/"));
            if (left.Count == 0) break;
            await ProcessTree.KillAsync(left);
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        await KillLeftoversAsync();
        await UnmountUnderAsync(Folder);
        try { if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true); }
        catch (IOException) { await ProcessRunner.RunAsync("rm", new[] { "-rf", Folder }); }
        catch (UnauthorizedAccessException) { await ProcessRunner.RunAsync("rm", new[] { "-rf", Folder }); }
        await Namespace.DisposeAsync();
    }

    /// <summary>A previous run that crashed left a namespace or folder of the same name: remove what it can.</summary>
    private static async Task CleanUpLeftoversAsync(string name, string folder)
    {
        await ProcessTree.KillAsync(ProcessTree.WithDescendants(ProcessTree.WithCommandLineContaining(folder + "/")));
        var pidFile = Path.Combine(folder, "docker.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid))
        {
            await ProcessRunner.RunAsync("kill", new[] { "-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await Task.Delay(500);
        }
        await UnmountUnderAsync(folder);
        await ProcessRunner.RunAsync("rm", new[] { "-rf", folder });
        await NetworkNamespace.Open(name).DisposeAsync();
    }

    /// <summary>Unmounts every mount below the folder, deepest first (overlay layers, netns files, the data-root).</summary>
    internal static async Task UnmountUnderAsync(string folder)
    {
        if (!File.Exists("/proc/self/mounts")) return;
        var mounts = File.ReadAllLines("/proc/self/mounts")
            .Select(l => l.Split(' '))
            .Where(f => f.Length > 1)
            .Select(f => f[1].Replace("\\040", " "))
            .Where(m => m == folder || m.StartsWith(folder + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.Length)
            .ToList();
        foreach (var m in mounts) await ProcessRunner.RunAsync("umount", new[] { "-l", m });
    }
}

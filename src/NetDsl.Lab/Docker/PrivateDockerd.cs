using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Lab.Namespaces;
using NetDsl.Lab.Processes;

namespace NetDsl.Lab.Docker;

/// <summary>
/// A dockerd of its own in a fresh network namespace, never the machine's: data-root, exec-root, socket, pid file
/// and daemon.json all under one folder (/tmp/netdsl-dockerd-NAME). Started with <c>nsenter --net=</c> (not
/// <c>ip netns exec</c>, which remounts /sys and breaks dockerd's cgroups). Disposing kills it by pid, unmounts
/// whatever it mounted under the folder, removes the folder and the namespace — also after a failed start.
/// </summary>
public sealed class PrivateDockerd : IAsyncDisposable
{
    /// <summary>Debian's 20.10 client: the newer one first on PATH speaks a newer API by default.</summary>
    public const string DockerCli = "/usr/bin/docker";

    private Process? _process;

    private PrivateDockerd(string name, NetworkNamespace ns, string folder)
    {
        Name = name;
        Namespace = ns;
        Folder = folder;
    }

    public string Name { get; }

    public NetworkNamespace Namespace { get; }

    public string Folder { get; }

    public string DaemonJsonPath => Path.Combine(Folder, "daemon.json");

    public string SocketPath => Path.Combine(Folder, "docker.sock");

    public string Host => "unix://" + SocketPath;

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Creates the namespace, writes daemon.json, starts dockerd and waits until it answers.</summary>
    public static async Task<PrivateDockerd> StartAsync(string name, string daemonJson, TimeSpan? timeout = null)
    {
        string folder = "/tmp/netdsl-dockerd-" + name;
        if (NetworkNamespace.Exists(name) || Directory.Exists(folder))
            await CleanUpLeftoversAsync(name, folder);
        var ns = await NetworkNamespace.CreateAsync(name);
        var dockerd = new PrivateDockerd(name, ns, folder);
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

    /// <summary>
    /// Imports a busybox image (no registry needed): a root folder with Debian's static /bin/busybox and one symlink
    /// per applet, piped through tar into <c>docker import</c>. There is no bash applet: commands use /bin/sh.
    /// </summary>
    public async Task ImportBusyboxAsync(string image)
    {
        string busybox = File.Exists("/bin/busybox") ? "/bin/busybox" : "/usr/bin/busybox";
        string root = Path.Combine(Folder, "busybox-rootfs");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.Copy(busybox, Path.Combine(root, "bin", "busybox"), overwrite: true);
        var list = (await ProcessRunner.RunAsync(busybox, new[] { "--list" })).EnsureSuccess();
        foreach (var applet in list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string link = Path.Combine(root, "bin", applet);
            if (applet != "busybox" && !File.Exists(link)) File.CreateSymbolicLink(link, "busybox");
        }
        (await ProcessRunner.RunAsync("sh", new[]
        {
            "-c", "tar -C \"$1\" -c . | \"$2\" -H \"$3\" import -c 'CMD [\"/bin/sh\"]' - \"$4\"", "sh", root, DockerCli, Host, image,
        }, timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
    }

    private async Task StartProcessAsync(TimeSpan timeout)
    {
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

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        await UnmountUnderAsync(Folder);
        try { if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true); }
        catch (IOException) { await ProcessRunner.RunAsync("rm", new[] { "-rf", Folder }); }
        catch (UnauthorizedAccessException) { await ProcessRunner.RunAsync("rm", new[] { "-rf", Folder }); }
        await Namespace.DisposeAsync();
    }

    /// <summary>A previous run that crashed left a namespace or folder of the same name: remove what it can.</summary>
    private static async Task CleanUpLeftoversAsync(string name, string folder)
    {
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
    private static async Task UnmountUnderAsync(string folder)
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

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Lab.Docker;
using NetDsl.Lab.Namespaces;

namespace NetDsl.Lab.Podman;

/// <summary>
/// A Podman engine of its own serving the Docker-compatible API in a fresh network namespace, never the machine's:
/// root, runroot, containers.conf, socket and log under one folder (/tmp/netdsl-podman-NAME). The recipe of
/// notes/podman.md: <c>podman system service</c> with cgroupfs and a file event log (there is no systemd), netavark
/// as network backend, and no default ulimits (raising them fails here: "error setting rlimit type 7"). Podman has
/// no daemon.json and no engine to restart. Disposing removes its containers through the API, stops the service and
/// every process under the folder, unmounts, removes the folder and the namespace — also after a failed start.
/// </summary>
public sealed class PrivatePodman : IPrivateEngine
{
    /// <summary>
    /// containers.conf: no default ulimits, netavark, and the network definitions under the folder (netavark's default,
    /// /etc/containers/networks, is the machine's: networks would outlive the engine and clash with the next one).
    /// </summary>
    private static string ContainersConf(string folder) =>
        "[containers]\ndefault_ulimits = []\n\n[network]\nnetwork_backend = \"netavark\"\nnetwork_config_dir = \"" + Path.Combine(folder, "networks") + "\"\n";

    private PrivatePodman(string name, NetworkNamespace ns, string folder)
    {
        Name = name;
        Namespace = ns;
        Folder = folder;
    }

    /// <summary>Where a private Podman of this name keeps everything.</summary>
    public static string FolderFor(string name) => "/tmp/netdsl-podman-" + name;

    public string Name { get; }

    public NetworkNamespace Namespace { get; }

    public string Folder { get; }

    public string SocketPath => Path.Combine(Folder, "podman.sock");

    public string Host => "unix://" + SocketPath;

    /// <summary>None: Podman reads containers.conf, never a daemon.json.</summary>
    public string? DaemonJsonPath => null;

    private string PidFile => Path.Combine(Folder, "podman.pid");

    /// <summary>The service's pid while it runs.</summary>
    public int? Pid
    {
        get
        {
            try { return File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out int pid) && ProcessTree.IsAlive(pid) ? pid : null; }
            catch (IOException) { return null; }
        }
    }

    /// <summary>
    /// Creates the namespace, writes containers.conf, starts the service in a session of its own (so it outlives
    /// this process, as a lab's engine must) and waits until it answers.
    /// </summary>
    public static async Task<PrivatePodman> StartAsync(string name, TimeSpan? timeout = null)
    {
        string folder = FolderFor(name);
        if (NetworkNamespace.Exists(name) || Directory.Exists(folder)) await RemoveAsync(name);
        var ns = await NetworkNamespace.CreateAsync(name);
        var podman = new PrivatePodman(name, ns, folder);
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "containers.conf"), ContainersConf(folder));
            await podman.StartServiceAsync(timeout ?? TimeSpan.FromSeconds(30));
            return podman;
        }
        catch
        {
            await podman.DisposeAsync();
            throw;
        }
    }

    /// <summary>A private Podman started earlier (by another process) under this name.</summary>
    public static PrivatePodman Attach(string name) => new(name, NetworkNamespace.Open(name), FolderFor(name));

    /// <summary>Removes whatever a private Podman of this name left, in any state.</summary>
    public static async Task RemoveAsync(string name) => await Attach(name).DisposeAsync();

    /// <summary>Runs Debian's docker client against this engine's compatible API.</summary>
    public Task<ProcessResult> DockerAsync(params string[] args) =>
        ProcessRunner.RunAsync(PrivateDockerd.DockerCli, new[] { "-H", Host }.Concat(args), timeout: TimeSpan.FromSeconds(120));

    /// <summary>Imports the busybox test image (<see cref="BusyboxImage"/>).</summary>
    public Task ImportBusyboxAsync(string image) => BusyboxImage.ImportAsync(Folder, Host, image);

    private async Task StartServiceAsync(TimeSpan timeout)
    {
        var arguments = new[]
        {
            "--net=" + Namespace.Path, "env", "CONTAINERS_CONF=" + Path.Combine(Folder, "containers.conf"),
            "podman", "--root", Path.Combine(Folder, "root"), "--runroot", Path.Combine(Folder, "runroot"),
            "--cgroup-manager=cgroupfs", "--events-backend=file", "system", "service", "--time=0", Host,
        };
        // setsid and a log file, never a pipe: the service outlives this process (nsenter and env exec, so $! is podman).
        var started = await ProcessRunner.RunAsync("sh", new[] { "-c", "setsid \"$@\" </dev/null >>\"$0\" 2>&1 & echo $!", Path.Combine(Folder, "podman.log"), "nsenter" }
            .Concat(arguments));
        started.EnsureSuccess();
        await File.WriteAllTextAsync(PidFile, started.StandardOutput.Trim());
        int.TryParse(started.StandardOutput.Trim(), out int pid);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (pid > 0 && !ProcessTree.IsAlive(pid)) throw new InvalidOperationException($"podman in namespace {Name} exited: {Tail()}");
            if (File.Exists(SocketPath) && (await DockerAsync("version", "--format", "{{.Server.Version}}")).Succeeded) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"podman in namespace {Name} did not answer within {timeout.TotalSeconds} s: {Tail()}");
    }

    /// <summary>The last lines of the service's log, for error messages.</summary>
    public string Tail(int lines = 5)
    {
        try
        {
            var path = Path.Combine(Folder, "podman.log");
            return File.Exists(path) ? string.Join(" | ", File.ReadLines(path).TakeLast(lines)) : "(no log)";
        }
        catch (IOException) { return "(log unreadable)"; }
    }

    public async ValueTask DisposeAsync()
    {
        // Containers first, through the API: podman removes their network namespaces (/run/netns/netns-…) and conmons.
        if (Pid is not null && File.Exists(SocketPath))
        {
            var ids = await DockerAsync("ps", "-aq");
            var list = ids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Succeeded && list.Length > 0) await DockerAsync(new[] { "rm", "-f" }.Concat(list).ToArray());
        }
        if (Pid is { } pid)
        {
            await ProcessRunner.RunAsync("kill", new[] { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var clock = Stopwatch.StartNew();
            while (ProcessTree.IsAlive(pid) && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(100);
        }
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var left = ProcessTree.WithDescendants(ProcessTree.WithCommandLineContaining(Folder + "/"));
            if (left.Count == 0) break;
            await ProcessTree.KillAsync(left);
            await Task.Delay(200);
        }
        await PrivateDockerd.UnmountUnderAsync(Folder);
        if (Directory.Exists(Folder)) await ProcessRunner.RunAsync("rm", new[] { "-rf", Folder });
        await Namespace.DisposeAsync();
    }
}

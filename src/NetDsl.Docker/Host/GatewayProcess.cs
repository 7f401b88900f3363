using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Gateway;

namespace NetDsl.Docker.Host;

/// <summary>
/// A `netdsl nptv6 run` gateway started detached, on this host or inside a network namespace: its own session (setsid),
/// output to a log file (never a pipe, whose reader may be gone), ready once its status file says it runs. It outlives
/// the process that started it (`lab up` and `apply` return; the gateways stay); <see cref="StopAsync"/>, or the
/// namespace's removal, ends it. Apply's foreground mode (no systemd) and the lab start gateways this way.
/// </summary>
public sealed class GatewayProcess
{
    /// <summary>A gateway started earlier (by another process), known by its pid and files.</summary>
    public static GatewayProcess Attach(int pid, string logPath, string statusPath) => new(pid, logPath, statusPath);

    private GatewayProcess(int pid, string logPath, string statusPath)
    {
        Pid = pid;
        LogPath = logPath;
        StatusPath = statusPath;
    }

    public int Pid { get; }

    public string LogPath { get; }

    public string StatusPath { get; }

    /// <param name="netdsl">How to run the CLI (e.g. <c>dotnet …/NetDsl.Cli.dll</c>).</param>
    /// <param name="netns">The network namespace to run in, or null for this host's.</param>
    /// <param name="arguments">Everything after <c>netdsl nptv6 run</c> but the status file, which this adds.</param>
    /// <param name="files">Where the log (<c>NAME.log</c>) and the status file (<c>NAME.json</c>) go.</param>
    public static Task<GatewayProcess> StartAsync(IReadOnlyList<string> netdsl, string? netns, IReadOnlyList<string> arguments, string files, string name, TimeSpan? timeout = null) =>
        StartCommandAsync(netdsl, netns, new[] { "nptv6", "run" }.Concat(arguments).Concat(new[] { "--status-file", Path.Combine(files, name + ".json") }).ToList(),
            Path.Combine(files, name + ".json"), Path.Combine(files, name + ".log"), timeout);

    /// <summary>Starts <c>netdsl ARGUMENTS</c> (which name their own status file, <paramref name="status"/>) with its output appended to <paramref name="log"/>.</summary>
    public static async Task<GatewayProcess> StartCommandAsync(IReadOnlyList<string> netdsl, string? netns, IReadOnlyList<string> arguments, string status, string log, TimeSpan? timeout = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(status)!);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.Delete(status);
        var command = (netns is null ? Enumerable.Empty<string>() : new[] { "ip", "netns", "exec", netns }).Concat(netdsl).Concat(arguments);
        var started = await ProcessRunner.RunAsync("sh", new[] { "-c", "setsid \"$@\" </dev/null >>\"$0\" 2>&1 & echo $!", log }.Concat(command));
        if (!started.Succeeded || !int.TryParse(started.StandardOutput.Trim(), out int pid))
            throw new InvalidOperationException("could not start the NPTv6 gateway: " + started.StandardError.Trim());
        var gateway = new GatewayProcess(pid, log, status);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            if (Nptv6GatewayStatus.TryRead(status, out _) is { Running: true }) return gateway;
            if (!ProcessTree.IsAlive(pid)) throw new InvalidOperationException($"the NPTv6 gateway{(netns is null ? "" : " in " + netns)} exited: {gateway.Tail()}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"the NPTv6 gateway{(netns is null ? "" : " in " + netns)} did not start within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s: {gateway.Tail()}");
    }

    public Nptv6GatewayStatus? ReadStatus() => Nptv6GatewayStatus.TryRead(StatusPath, out _);

    /// <summary>SIGTERM, then waits for the process to end (it removes its routes and writes its final counters).</summary>
    public async Task<bool> StopAsync(TimeSpan? timeout = null)
    {
        if (!ProcessTree.IsAlive(Pid)) return true;
        await ProcessRunner.RunAsync("kill", new[] { "-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            if (!ProcessTree.IsAlive(Pid)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>The last lines of the log, for error messages.</summary>
    public string Tail()
    {
        try { return string.Join(" | ", File.ReadAllLines(LogPath).TakeLast(5)); }
        catch (IOException) { return "(no log)"; }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Gateway;

namespace NetDsl.Lab.Translators;

/// <summary>
/// A `netdsl nptv6 run` gateway started detached inside a network namespace: its own session (setsid), output to a
/// log file (never a pipe, whose reader may be gone), ready once its status file says it runs. It outlives the process
/// that started it (`lab up` returns; the lab's gateways stay); <see cref="StopAsync"/> or the namespace's removal ends it.
/// </summary>
public sealed class GatewayProcess
{
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
    /// <param name="arguments">Everything after <c>netdsl nptv6 run</c> but the status file, which this adds.</param>
    /// <param name="files">Where the log (<c>NAME.log</c>) and the status file (<c>NAME.json</c>) go.</param>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyList<string> netdsl, string netns, IReadOnlyList<string> arguments, string files, string name, TimeSpan? timeout = null)
    {
        Directory.CreateDirectory(files);
        string log = Path.Combine(files, name + ".log"), status = Path.Combine(files, name + ".json");
        File.Delete(status);
        var command = new[] { "ip", "netns", "exec", netns }.Concat(netdsl).Concat(new[] { "nptv6", "run" }).Concat(arguments).Concat(new[] { "--status-file", status });
        var started = await ProcessRunner.RunAsync("sh", new[] { "-c", "setsid \"$@\" </dev/null >>\"$0\" 2>&1 & echo $!", log }.Concat(command));
        if (!started.Succeeded || !int.TryParse(started.StandardOutput.Trim(), out int pid))
            throw new InvalidOperationException("could not start the NPTv6 gateway: " + started.StandardError.Trim());
        var gateway = new GatewayProcess(pid, log, status);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            if (Nptv6GatewayStatus.TryRead(status, out _) is { Running: true }) return gateway;
            if (!ProcessTree.IsAlive(pid)) throw new InvalidOperationException($"the NPTv6 gateway in {netns} exited: {gateway.Tail()}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"the NPTv6 gateway in {netns} did not start within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s: {gateway.Tail()}");
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

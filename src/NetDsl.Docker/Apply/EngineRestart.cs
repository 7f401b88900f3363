using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Docker.DaemonJson;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host;
using NetDsl.Docker.Processes;

namespace NetDsl.Docker.Apply;

/// <summary>
/// Restarts the engine with the operator's command and waits for it. When it does not come back, the daemon.json
/// this apply wrote is the likely cause: the previous file is put back and the engine restarted again, and the
/// report names the changed key, the engine's own log line (from --engine-log, journald or the command's output),
/// and that the previous file is back — so a host is never left with its engine down by NetDsl.
/// </summary>
internal sealed class EngineRestart
{
    private readonly EngineClient _engine;
    private readonly ApplyOptions _options;

    public EngineRestart(EngineClient engine, ApplyOptions options)
    {
        _engine = engine;
        _options = options;
    }

    /// <summary>Null when the engine answers again; else why not (one line).</summary>
    public async Task<string?> RestartAsync(CancellationToken ct)
    {
        // On the engine's machine: here, or over SSH for an ssh:// engine.
        var r = await _options.Shell.RunCommandLineAsync(_options.RestartCommand!, TimeSpan.FromMinutes(2), ct);
        LastOutput = (r.StandardOutput + "\n" + r.StandardError).Trim();
        if (!r.Succeeded) return $"`{_options.RestartCommand}` exited {r.ExitCode}";
        return await WaitForEngineAsync(ct) ? null : $"the engine at {_engine.Endpoint} did not answer within {_options.RestartWait.TotalSeconds:0} s of `{_options.RestartCommand}`";
    }

    /// <summary>What the last restart command printed (a failing `systemctl restart` points at the journal).</summary>
    public string LastOutput { get; private set; } = "";

    /// <summary>Puts the file as it was before this apply back (or removes it when there was none); null on success.</summary>
    public static async Task<string?> RestoreAsync(string path, DaemonJsonMergeResult merge, IHostFiles? files = null) =>
        merge.Original is null ? DaemonJsonFile.Delete(path, files) : await DaemonJsonFile.WriteAtomicallyAsync(path, merge.Original, backup: false, files);

    /// <summary>
    /// The engine's own words for why it did not start: the last fatal-looking line of its log (the file given with
    /// --engine-log, else the journal of docker.service), else of the restart command's output. Null when none.
    /// </summary>
    public async Task<string?> EngineLogLineAsync()
    {
        var lines = new List<string>();
        if (_options.EngineLog is { } log)
        {
            try { lines.AddRange(System.Text.Encoding.UTF8.GetString(_options.Shell.Files.ReadAllBytes(log)).Split('\n').TakeLast(200)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        else if (_options.Shell.Netns is null)
        {
            var journal = _options.Shell.Ssh is null
                ? await ProcessRunner.RunAsync("journalctl", new[] { "-u", "docker.service", "-n", "50", "--no-pager", "-o", "cat" }, timeout: TimeSpan.FromSeconds(10))
                : await _options.Shell.RunAsync("journalctl", "-u", "docker.service", "-n", "50", "--no-pager", "-o", "cat");
            if (journal.Succeeded) lines.AddRange(journal.StandardOutput.Split('\n'));
        }
        lines.AddRange(LastOutput.Split('\n'));
        return lines.Select(l => l.Trim()).LastOrDefault(IsFatal);
    }

    /// <summary>Which of the changed keys the engine's line names; all of them when it names none.</summary>
    public static string Culprit(IReadOnlyList<string> changed, string? line)
    {
        var named = changed.Where(k => line?.Contains(k, StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (named.Count == 0 && line?.Contains("overlap", StringComparison.OrdinalIgnoreCase) == true && changed.Contains("fixed-cidr-v6")) named.Add("fixed-cidr-v6");
        if (named.Count == 0 && line?.Contains("directives don't match", StringComparison.OrdinalIgnoreCase) == true) return "a key dockerd does not know (named in its message)";
        var keys = named.Count > 0 ? named : changed;
        return keys.Count == 0 ? "the restart" : (keys.Count == 1 ? "key " : "one of the keys ") + string.Join(", ", keys.Select(k => "\"" + k + "\""));
    }

    private static bool IsFatal(string line) =>
        line.Length > 0 && new[] { "failed to start daemon", "unable to configure the docker daemon", "level=fatal", "error starting daemon", "error initializing network controller", "unable to parse logging level" }
            .Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase));

    private async Task<bool> WaitForEngineAsync(CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < _options.RestartWait)
        {
            try
            {
                await _engine.Docker.System.PingAsync(ct);
                return true;
            }
            catch (Exception e) when (EngineErrors.IsEngineFailure(e) && !ct.IsCancellationRequested)
            {
                await Task.Delay(500, ct);
            }
        }
        return false;
    }
}

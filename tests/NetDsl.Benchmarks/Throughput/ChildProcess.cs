using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace NetDsl.Benchmarks.Throughput;

/// <summary>A process of the benchmark run inside a namespace, put in the CPU meter's cgroup before it starts, optionally pinned to one CPU.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyPrefix;

    private ChildProcess(Process process, string readyPrefix)
    {
        _process = process;
        _readyPrefix = readyPrefix;
    }

    public static ChildProcess Start(string netns, IEnumerable<string> command, string procsFile, int? cpu, string readyPrefix = "")
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("echo $$ > \"$0\" && exec \"$@\"");
        info.ArgumentList.Add(procsFile);
        if (cpu is { } c)
        {
            info.ArgumentList.Add("taskset");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        info.ArgumentList.Add("nsenter");
        info.ArgumentList.Add("--net=/run/netns/" + netns);
        foreach (var a in command) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, readyPrefix);
        process.OutputDataReceived += (_, e) => child.Line(e.Data);
        process.ErrorDataReceived += (_, e) => child.Line(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Line(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        if (_readyPrefix.Length > 0 && line.StartsWith(_readyPrefix, StringComparison.Ordinal)) _ready.TrySetResult(line);
    }

    public int Pid => _process.Id;

    public string Output { get { lock (_lines) return string.Join("\n", _lines); } }

    public string? LineStartingWith(string prefix) { lock (_lines) return _lines.LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)); }

    /// <summary>Waits for the line that says the child is ready (or its exit).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout));
        if (done != _ready.Task) throw new InvalidOperationException("child not ready: " + Output);
    }

    public Task WaitAsync() => _process.WaitForExitAsync();

    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using var kill = Process.Start("kill", new[] { "-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(10_000)) is not Task t || !_process.HasExited) _process.Kill(true);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}

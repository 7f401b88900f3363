using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NetDsl.Cli.Commands;

/// <summary>Where a host of a multi-host run is: not started (the concurrency limit), running, or done with an exit code.</summary>
internal enum HostState
{
    Waiting,
    Running,
    Done,
}

/// <summary>One host's progress line: its name, endpoint, state, time so far (running) or taken (done), and exit code (done).</summary>
internal sealed record HostRow(string Name, string Endpoint, HostState State, TimeSpan Elapsed = default, int ExitCode = 0);

/// <summary>
/// The progress of a run on several hosts (<see cref="HostRuns"/>), told when each host starts and ends. Made by
/// <see cref="For"/>: redrawn in place on a terminal (<see cref="LiveHostProgress"/>), else plain lines.
/// </summary>
internal abstract class HostProgress
{
    public abstract void Started(int host);

    public abstract void Finished(int host, int exitCode, TimeSpan elapsed);

    /// <summary>Every host is done: the final state stays on screen. Never throws.</summary>
    public abstract Task CompleteAsync();

    /// <summary>In place on a terminal the block fits on (a line per host and the cursor's below it); else plain lines.</summary>
    public static HostProgress For(CliConsole console, string verb, IReadOnlyList<(string Name, string Endpoint)> hosts) =>
        console.ErrorTerminal is { } terminal && hosts.Count + 1 <= SafeSize(terminal.Height, Terminal.DefaultHeight)
            ? new LiveHostProgress(console.Error, terminal.Width, verb, hosts, TimeProvider.System, LiveHostProgress.DefaultInterval)
            : new PlainHostProgress(console.Error, verb, hosts);

    /// <summary>A terminal size, or <paramref name="fallback"/> when it cannot be read or makes no sense.</summary>
    public static int SafeSize(Func<int> size, int fallback)
    {
        try
        {
            int n = size();
            return n > 0 ? n : fallback;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            return fallback;
        }
    }

    /// <summary>A host's result as the progress and the summary say it.</summary>
    public static string Result(int code) => code switch
    {
        ExitCodes.Success => "ok",
        ExitCodes.ChangesPending => "changes pending",
        130 or 143 => "interrupted",
        _ => "failed (exit " + code + ")",
    };
}

/// <summary>When stderr is not a terminal: a line as each host starts and one as it ends, in the order they happen.</summary>
internal sealed class PlainHostProgress(TextWriter error, string verb, IReadOnlyList<(string Name, string Endpoint)> hosts) : HostProgress
{
    private readonly object _gate = new();

    public override void Started(int host)
    {
        lock (_gate) error.WriteLine($"netdsl: host {hosts[host].Name}: {verb} ({hosts[host].Endpoint})…");
    }

    public override void Finished(int host, int exitCode, TimeSpan elapsed)
    {
        lock (_gate) error.WriteLine($"netdsl: host {hosts[host].Name}: {Result(exitCode)} in {elapsed.TotalSeconds:0.0} s");
    }

    public override Task CompleteAsync() => Task.CompletedTask;
}

/// <summary>
/// The frames of the in-place progress: one line per host, the block redrawn over the previous one (cursor up, each
/// line rewritten and cleared to its end), the cursor left below it. Pure: given the rows, the text to write.
/// </summary>
internal sealed class HostProgressRenderer
{
    /// <summary>Cursor up <c>n</c> lines (CUU).</summary>
    public static string Up(int n) => "\u001b[" + n.ToString(CultureInfo.InvariantCulture) + "A";

    /// <summary>Clear from the cursor to the end of the line (EL 0).</summary>
    public const string ClearToEnd = "\u001b[K";

    // Wide enough for every result ("failed (exit 130)"), so the columns after it never move.
    private const int StateWidth = 17;

    private int _drawn;

    /// <summary>How many lines the last frame drew (the block the next frame goes back over).</summary>
    public int Drawn => _drawn;

    /// <summary>The text that replaces the last frame with <paramref name="rows"/>, no line longer than <paramref name="width"/> − 1.</summary>
    public string Frame(IReadOnlyList<HostRow> rows, int width)
    {
        var sb = new StringBuilder();
        if (_drawn > 0) sb.Append(Up(_drawn));
        int nameWidth = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length);
        foreach (var row in rows) sb.Append('\r').Append(Line(row, nameWidth, width)).Append(ClearToEnd).Append('\n');
        _drawn = rows.Count;
        return sb.ToString();
    }

    /// <summary>
    /// <c>  h1  running            1.2 s  tcp://127.0.0.1:1</c>: name, state, time, endpoint (last, so a narrow
    /// terminal cuts the endpoint before the state). Cut to <paramref name="width"/> − 1 columns: a line that fills the
    /// last column wraps on some terminals, and the block would then be taller than the cursor goes back up.
    /// </summary>
    public static string Line(HostRow row, int nameWidth, int width)
    {
        string state = row.State switch
        {
            HostState.Waiting => "waiting",
            HostState.Running => "running",
            _ => HostProgress.Result(row.ExitCode),
        };
        string time = row.State == HostState.Waiting ? "" : row.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        string line = "  " + row.Name.PadRight(nameWidth) + "  " + state.PadRight(StateWidth) + " " + time.PadLeft(7) + "  " + row.Endpoint;
        line = line.TrimEnd();
        int max = Math.Max(width - 1, 1);
        return line.Length <= max ? line : max == 1 ? line[..1] : line[..(max - 1)] + "…";
    }
}

/// <summary>
/// In-place progress on a terminal: a header line, then one line per host redrawn on every change and a few times a
/// second while any runs (the running times), the final state left on screen. A write that fails (the terminal went
/// away) stops the drawing, never the run.
/// </summary>
internal sealed class LiveHostProgress : HostProgress
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _error;
    private readonly Func<int> _width;
    private readonly TimeProvider _time;
    private readonly HostRow[] _rows;
    private readonly long[] _started;
    private readonly HostProgressRenderer _renderer = new();
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private bool _broken;

    public LiveHostProgress(TextWriter error, Func<int> width, string verb, IReadOnlyList<(string Name, string Endpoint)> hosts, TimeProvider time, TimeSpan interval)
    {
        _error = error;
        _width = width;
        _time = time;
        _rows = hosts.Select(h => new HostRow(h.Name, h.Endpoint, HostState.Waiting)).ToArray();
        _started = new long[hosts.Count];
        lock (_gate)
        {
            Write($"netdsl: {verb} {hosts.Count} docker-hosts\n");
            Draw();
        }
        _ticker = TickAsync(interval);
    }

    public override void Started(int host)
    {
        lock (_gate)
        {
            _started[host] = _time.GetTimestamp();
            _rows[host] = _rows[host] with { State = HostState.Running };
            Draw();
        }
    }

    public override void Finished(int host, int exitCode, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _rows[host] = _rows[host] with { State = HostState.Done, Elapsed = elapsed, ExitCode = exitCode };
            Draw();
        }
    }

    public override async Task CompleteAsync()
    {
        _stop.Cancel();
        await _ticker;
        lock (_gate) Draw();
        _stop.Dispose();
    }

    private async Task TickAsync(TimeSpan interval)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(interval, _time, _stop.Token);
                lock (_gate)
                {
                    if (_rows.Any(r => r.State == HostState.Running)) Draw();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Complete: the last frame is drawn there.
        }
    }

    // Under _gate. Running rows get their time so far.
    private void Draw()
    {
        for (int i = 0; i < _rows.Length; i++)
            if (_rows[i].State == HostState.Running) _rows[i] = _rows[i] with { Elapsed = _time.GetElapsedTime(_started[i]) };
        Write(_renderer.Frame(_rows, SafeSize(_width, Terminal.DefaultWidth)));
    }

    private void Write(string text)
    {
        if (_broken) return;
        try
        {
            _error.Write(text);
            _error.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _broken = true;
        }
    }
}

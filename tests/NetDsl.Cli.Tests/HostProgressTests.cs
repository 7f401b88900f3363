using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Cli.Commands;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

/// <summary>The in-place progress of a run on several hosts: its frames, its clock, and when it is used (issue 13, milestone 7).</summary>
public class HostProgressTests
{
    private const string Esc = "\u001b";

    private static readonly (string Name, string Endpoint)[] Hosts = { ("h1", "tcp://127.0.0.1:1"), ("host2", "unix:///nonexistent.sock") };

    [Test]
    public void First_frame_draws_a_line_per_host_and_the_next_goes_back_over_it()
    {
        var renderer = new HostProgressRenderer();
        var waiting = new[] { new HostRow("h1", "tcp://127.0.0.1:1", HostState.Waiting), new HostRow("host2", "unix:///nonexistent.sock", HostState.Waiting) };
        Assert.That(renderer.Frame(waiting, 120), Is.EqualTo(
            "\r  h1     waiting                    tcp://127.0.0.1:1" + Esc + "[K\n" +
            "\r  host2  waiting                    unix:///nonexistent.sock" + Esc + "[K\n"));
        Assert.That(renderer.Drawn, Is.EqualTo(2));

        var later = new[]
        {
            new HostRow("h1", "tcp://127.0.0.1:1", HostState.Running, TimeSpan.FromSeconds(1.24)),
            new HostRow("host2", "unix:///nonexistent.sock", HostState.Done, TimeSpan.FromSeconds(0.04), ExitCodes.Failure),
        };
        Assert.That(renderer.Frame(later, 120), Is.EqualTo(
            Esc + "[2A" +
            "\r  h1     running             1.2 s  tcp://127.0.0.1:1" + Esc + "[K\n" +
            "\r  host2  failed (exit 1)     0.0 s  unix:///nonexistent.sock" + Esc + "[K\n"));
    }

    [TestCase(ExitCodes.Success, "ok")]
    [TestCase(ExitCodes.ChangesPending, "changes pending")]
    [TestCase(ExitCodes.Failure, "failed (exit 1)")]
    [TestCase(ExitCodes.Internal, "failed (exit 70)")]
    [TestCase(130, "interrupted")]
    public void A_done_host_says_its_result_and_time(int code, string result) =>
        Assert.That(HostProgressRenderer.Line(new HostRow("h1", "e", HostState.Done, TimeSpan.FromSeconds(12.34), code), 2, 80),
            Is.EqualTo(("  h1  " + result.PadRight(17) + "  12.3 s  e")));

    [Test]
    public void A_line_never_fills_the_terminal_width_so_none_wraps()
    {
        var row = new HostRow("h1", "tcp://[fd00:dd:1::2]:2376 (context a-long-context-name)", HostState.Running, TimeSpan.FromSeconds(3));
        string line = HostProgressRenderer.Line(row, 2, 40);
        Assert.That(line, Has.Length.EqualTo(39));
        Assert.That(line, Does.StartWith("  h1  running").And.EndWith("…"));
        Assert.That(HostProgressRenderer.Line(row, 2, 0), Has.Length.EqualTo(1), "a nonsense width still gives a line");
    }

    [Test]
    public void Live_progress_redraws_on_every_change_with_running_times_and_leaves_the_final_state()
    {
        var error = new StringWriter();
        var clock = new ManualClock();
        // An hour between ticks: every frame here comes from a change or from Complete.
        var progress = new LiveHostProgress(error, () => 100, "planning", Hosts, clock, TimeSpan.FromHours(1));
        Assert.That(error.ToString(), Does.StartWith("netdsl: planning 2 docker-hosts\n\r  h1     waiting"));
        progress.Started(0);
        progress.Started(1);
        clock.Advance(TimeSpan.FromSeconds(0.3));
        progress.Finished(1, ExitCodes.Failure, TimeSpan.FromSeconds(0.3));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        progress.Finished(0, ExitCodes.Success, TimeSpan.FromSeconds(1.8));
        Assert.That(progress.CompleteAsync().Wait(TimeSpan.FromSeconds(10)), Is.True, "the ticker stops at once");

        string[] frames = error.ToString().Split(Esc + "[2A");
        Assert.That(frames, Has.Length.EqualTo(6), "the first frame, four changes and the final one:\n" + error);
        Assert.That(frames[3], Does.Contain("h1     running             0.3 s").And.Contain("host2  failed (exit 1)     0.3 s"));
        Assert.That(frames[5], Is.EqualTo(
            "\r  h1     ok                  1.8 s  tcp://127.0.0.1:1" + Esc + "[K\n" +
            "\r  host2  failed (exit 1)     0.3 s  unix:///nonexistent.sock" + Esc + "[K\n"));
    }

    [Test]
    public void Running_times_are_redrawn_a_few_times_a_second()
    {
        var error = new LockedWriter();
        var progress = new LiveHostProgress(error, () => 100, "applying", Hosts, TimeProvider.System, TimeSpan.FromMilliseconds(20));
        progress.Started(0);
        // Started's frame and two ticks; waits long only on a machine too busy to tick.
        for (int i = 0; i < 1000 && Count(error.ToString(), Esc + "[2A") < 3; i++) Thread.Sleep(10);
        Assert.That(Count(error.ToString(), Esc + "[2A"), Is.GreaterThanOrEqualTo(3), "ticks while h1 runs");
        Assert.That(error.ToString(), Does.Contain("h1     running"));
        progress.Finished(0, ExitCodes.Success, TimeSpan.FromSeconds(1));
        Assert.That(progress.CompleteAsync().Wait(TimeSpan.FromSeconds(10)), Is.True);
        int frames = Count(error.ToString(), Esc + "[2A");
        Thread.Sleep(100);
        Assert.That(Count(error.ToString(), Esc + "[2A"), Is.EqualTo(frames), "no frame after Complete");
    }

    [Test]
    public void A_terminal_that_goes_away_stops_the_drawing_not_the_run()
    {
        var error = new StringWriter();
        error.Dispose();
        var progress = new LiveHostProgress(error, () => throw new InvalidOperationException("no size"), "planning", Hosts, TimeProvider.System, TimeSpan.FromMilliseconds(5));
        progress.Started(0);
        progress.Finished(0, ExitCodes.Success, TimeSpan.Zero);
        Assert.That(progress.CompleteAsync().Wait(TimeSpan.FromSeconds(10)), Is.True);
    }

    [Test]
    public void Plain_progress_is_a_line_as_each_host_starts_and_ends()
    {
        var error = new StringWriter();
        var progress = new PlainHostProgress(error, "applying", Hosts);
        progress.Started(1);
        progress.Finished(1, ExitCodes.ChangesPending, TimeSpan.FromSeconds(2.04));
        Assert.That(error.ToString().Replace("\r\n", "\n"), Is.EqualTo(
            "netdsl: host host2: applying (unix:///nonexistent.sock)…\n" +
            $"netdsl: host host2: changes pending in {2.0:0.0} s\n"));
    }

    private static readonly Dictionary<string, string?> Xterm = new() { ["TERM"] = "xterm-256color" };

    [Test]
    public void Progress_is_redrawn_only_on_a_terminal_whose_TERM_is_set_and_not_dumb()
    {
        Assert.That(Terminal.Detect(redirected: false, Xterm.GetValueOrDefault, () => 132)?.Width(), Is.EqualTo(132));
        Assert.That(Terminal.Detect(redirected: true, Xterm.GetValueOrDefault, () => 132), Is.Null, "a file or a pipe");
        Assert.That(Terminal.Detect(false, new Dictionary<string, string?> { ["TERM"] = "dumb" }.GetValueOrDefault, () => 132), Is.Null);
        Assert.That(Terminal.Detect(false, new Dictionary<string, string?>().GetValueOrDefault, () => 132), Is.Null, "no TERM");
    }

    [Test]
    public void Width_falls_back_to_COLUMNS_then_80()
    {
        var env = new Dictionary<string, string?> { ["TERM"] = "xterm", ["COLUMNS"] = "100" };
        Assert.That(Terminal.Detect(false, env.GetValueOrDefault, () => 0)!.Width(), Is.EqualTo(100));
        env["COLUMNS"] = "wide";
        Assert.That(Terminal.Detect(false, env.GetValueOrDefault, () => 0)!.Width(), Is.EqualTo(Terminal.DefaultWidth));
    }

    [Test]
    public void Height_falls_back_to_LINES_then_24()
    {
        var env = new Dictionary<string, string?> { ["TERM"] = "xterm", ["LINES"] = "50" };
        Assert.That(Terminal.Detect(false, env.GetValueOrDefault, () => 0, () => 0)!.Height(), Is.EqualTo(50));
        Assert.That(Terminal.Detect(false, env.GetValueOrDefault, () => 0, () => 30)!.Height(), Is.EqualTo(30));
        env.Remove("LINES");
        Assert.That(Terminal.Detect(false, env.GetValueOrDefault, () => 0)!.Height(), Is.EqualTo(Terminal.DefaultHeight));
    }

    [Test]
    public void More_hosts_than_the_screen_has_lines_get_the_plain_lines()
    {
        var console = new CliConsole(TextWriter.Null, new StringWriter()) { ErrorTerminal = new Terminal(() => 80, () => 3) };
        var two = HostProgress.For(console, "planning", Hosts);
        Assert.That(two, Is.InstanceOf<LiveHostProgress>());
        two.CompleteAsync().Wait();
        Assert.That(HostProgress.For(console, "planning", Hosts.Append(("h3", "e")).ToList()), Is.InstanceOf<PlainHostProgress>(),
            "three lines and the cursor's do not fit on three: the cursor could not go back up over them");
        Assert.That(HostProgress.For(console with { ErrorTerminal = null }, "planning", Hosts), Is.InstanceOf<PlainHostProgress>());
    }

    [Test]
    public void A_test_console_is_never_a_terminal() =>
        Assert.That(new CliConsole(TextWriter.Null, TextWriter.Null).ErrorTerminal, Is.Null);

    private static int Count(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>A StringWriter read while the ticker writes to it.</summary>
    private sealed class LockedWriter : StringWriter
    {
        public override void Write(string? value)
        {
            lock (this) base.Write(value);
        }

        public override string ToString()
        {
            lock (this) return base.ToString();
        }
    }

    /// <summary>A clock moved by hand; its timers are the system's (the tests above use an hour-long or a real interval).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _now);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _now, by.Ticks);
    }
}

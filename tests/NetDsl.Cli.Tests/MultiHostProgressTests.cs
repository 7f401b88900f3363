using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

/// <summary>
/// The real CLI on a file with two docker-hosts whose engines are not there (a TCP port that refuses, a socket that
/// does not exist), so both fail fast: under a pseudo-terminal (util-linux `script`) the progress is redrawn in place;
/// with stderr on a pipe, or TERM=dumb, it is today's plain lines (issue 13, milestone 7).
/// </summary>
public class MultiHostProgressTests
{
    private const string Esc = "\u001b";
    private const string Script = "/usr/bin/script";
    private string _dir = "";
    private string _file = "";

    [SetUp]
    public void CreateFile()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "netdsl-progress-" + Guid.NewGuid().ToString("N")));
        _file = Path.Combine(_dir, "hosts.netdsl");
        File.WriteAllText(_file, "docker-host h1 { }\nnetwork n1 on h1 { subnet fd00:de:1::/64 }\ndocker-host h2 { }\nnetwork n2 on h2 { subnet fd00:de:2::/64 }\n");
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "NetDsl.Cli");

    private string[] PlanArgs() => new[]
    {
        "plan", _file, "--docker-host", "h1=tcp://127.0.0.1:1", "--docker-host", "h2=unix:///nonexistent.sock",
        // Never the machine's /etc/docker/daemon.json.
        "--daemon-json", "h1=" + Path.Combine(_dir, "daemon1.json"), "--daemon-json", "h2=" + Path.Combine(_dir, "daemon2.json"),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>The CLI under a pseudo-terminal: `script` runs it on a pty and copies what the pty shows to its stdout.</summary>
    private async Task<(int Code, string Screen)> UnderTerminalAsync(string term)
    {
        if (!File.Exists(Script)) Assert.Ignore("util-linux script is not installed: " + Script);
        string command = string.Join(" ", new[] { Cli }.Concat(PlanArgs()).Select(Quote));
        var r = await ProcessRunner.RunAsync("env", new[] { "TERM=" + term, "COLUMNS=120", Script, "-qfec", command, "/dev/null" }, timeout: TimeSpan.FromMinutes(1));
        string screen = r.StandardOutput.Replace("\r\n", "\n");
        TestContext.Out.WriteLine($"TERM={term} → {r.ExitCode}\n{screen.Replace(Esc, "<ESC>")}{r.StandardError}");
        return (r.ExitCode, screen);
    }

    [Test]
    public async Task On_a_terminal_each_host_has_a_line_redrawn_in_place_and_its_final_state_stays()
    {
        var (code, screen) = await UnderTerminalAsync("xterm");
        Assert.That(code, Is.EqualTo(ExitCodes.Failure), screen);
        Assert.That(screen, Does.Contain("netdsl: planning 2 docker-hosts\n"));
        Assert.That(Has(screen, Esc + "[2A"), Is.True, "cursor up over the two lines");
        Assert.That(Has(screen, Esc + "[K"), Is.True, "each line cleared to its end");
        Assert.That(screen, Does.Not.Contain("netdsl: host h1:"), "no plain lines on a terminal");

        // The last frame, before the reports and the summary on stdout: each host's final line.
        string last = screen[(screen.LastIndexOf(Esc + "[2A", StringComparison.Ordinal) + 4)..];
        var lines = last.Split('\n');
        Assert.That(lines[0], Does.Match(@"^\r  h1  failed \(exit 1\) +\d+\.\d s  tcp://127\.0\.0\.1:1" + Regex.Escape(Esc) + @"\[K$"));
        Assert.That(lines[1], Does.Match(@"^\r  h2  failed \(exit 1\) +\d+\.\d s  unix:///nonexistent\.sock" + Regex.Escape(Esc) + @"\[K$"));
        Assert.That(last, Does.Match(@"summary:\n  h1 +failed \(exit 1\) .*\n  h2 +failed \(exit 1\) "));
    }

    [Test]
    public async Task Dumb_terminal_gets_the_plain_lines()
    {
        var (code, screen) = await UnderTerminalAsync("dumb");
        Assert.That(code, Is.EqualTo(ExitCodes.Failure), screen);
        AssertPlain(screen);
    }

    [Test]
    public async Task Stderr_on_a_pipe_gets_the_plain_lines()
    {
        var r = await ProcessRunner.RunAsync("env", new[] { "TERM=xterm", Cli }.Concat(PlanArgs()), timeout: TimeSpan.FromMinutes(1));
        Assert.That(r.ExitCode, Is.EqualTo(ExitCodes.Failure), r.StandardOutput + r.StandardError);
        AssertPlain(r.StandardError.Replace("\r\n", "\n"));
        Assert.That(r.StandardOutput, Does.Match(@"summary:\n  h1 +failed \(exit 1\) .*\n  h2 +failed \(exit 1\) "));
    }

    [Test]
    public void In_process_with_a_writer_gets_the_plain_lines()
    {
        var run = CliRun.Of(PlanArgs());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.Out + run.Error);
        AssertPlain(run.Error);
    }

    // Ordinal: a culture-aware comparison ignores control characters, so it finds ESC in any text.
    private static bool Has(string text, string what) => text.Contains(what, StringComparison.Ordinal);

    private static void AssertPlain(string text)
    {
        Assert.That(Has(text, Esc), Is.False, "no escape sequences");
        Assert.That(text, Does.Not.Contain("docker-hosts\n"), "no in-place header");
        Assert.That(text, Does.Contain("netdsl: host h1: planning (tcp://127.0.0.1:1)…\n"));
        Assert.That(text, Does.Contain("netdsl: host h2: planning (unix:///nonexistent.sock)…\n"));
        Assert.That(text, Does.Match(@"netdsl: host h1: failed \(exit 1\) in \d+[.,]\d s\n"));
        Assert.That(text, Does.Match(@"netdsl: host h2: failed \(exit 1\) in \d+[.,]\d s\n"));
    }
}

using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Diagnostics;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

/// <summary>What the CLI says about its inputs: files that are not there, directories, overrides, huge lines.</summary>
public class InputTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "netdsl-input-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void A_missing_file_is_not_found()
    {
        var run = CliRun.Of("check", Path.Combine(_dir, "missing.netdsl"));
        Assert.That(run.ExitCode, Is.EqualTo(64));
        Assert.That(run.Error, Does.Contain("missing.netdsl': file not found."));
        Assert.That(run.Error, Does.Not.Contain("Unrecognized").And.Not.Contain("Could not find"));
    }

    [Test]
    public void A_directory_is_a_directory()
    {
        var run = CliRun.Of("check", _dir);
        Assert.That(run.ExitCode, Is.EqualTo(64));
        Assert.That(run.Error, Does.Contain("is a directory; give the .netdsl file in it"));
        Assert.That(run.Error, Does.Not.Contain("denied"));
        Assert.That(CliRun.Of("emit", _dir, "-o", Path.Combine(_dir, "out")).ExitCode, Is.EqualTo(64));
    }

    private const string ListFile = "let CMD = [\"/bin/sh\"]\ndocker-host h { }\nnetwork n on h { subnet fd00:1::/64 }\ncontainer c on n { image \"busybox\"  command CMD }\n";

    [TestCase("[\"a\" \"b\"]", "expected ',' or ']'")]
    [TestCase("[unterminated", "never closed")]
    [TestCase("[\"a\"] [\"b\"]", "write one list")]
    public void A_list_override_is_read_as_the_file_reads_a_list(string value, string expected)
    {
        var run = CliRun.Of("check", Write("list.netdsl", ListFile), "--set", "CMD=" + value);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("NDSL1005").And.Contain(expected));
    }

    [Test]
    public void A_well_formed_list_override_is_taken_item_by_item()
    {
        var path = Write("list.netdsl", ListFile);
        var result = NetDslCompiler.Compile(ListFile, path, new System.Collections.Generic.Dictionary<string, string> { ["CMD"] = "[\"/bin/sh\", \"-c\", \"echo a, b\"]" });
        Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
        Assert.That(result.Model!.Containers[0].Command, Is.EqualTo(new[] { "/bin/sh", "-c", "echo a, b" }));
        var words = NetDslCompiler.Compile(ListFile, path, new System.Collections.Generic.Dictionary<string, string> { ["CMD"] = "sleep 10" });
        Assert.That(words.Model!.Containers[0].Command, Is.EqualTo(new[] { "sleep", "10" }));
    }

    [Test]
    public void A_5_MB_line_of_tokens_prints_at_most_100_diagnostics_and_a_count()
    {
        var line = new StringBuilder("docker-host h {");
        while (line.Length < 5_000_000) line.Append(" engine x");   // two diagnostics each: not a version, set twice
        line.Append(" }\n");
        var path = Write("huge.netdsl", line.ToString());
        var run = CliRun.Of("check", path);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Error.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Length, Is.LessThanOrEqualTo(Cli.SourceFile.MaxPrinted + 1));
        Assert.That(run.Error.Length, Is.LessThan(100_000), "a few hundred characters per diagnostic at most");
    }

    [Test]
    public void A_5_MB_name_is_not_echoed_whole()
    {
        var name = "h" + new string('x', 5_000_000);
        var run = CliRun.Of("check", Write("long.netdsl", "docker-host " + name + " { }\n"));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Length, Is.LessThan(2_000), run.Error.Substring(0, System.Math.Min(300, run.Error.Length)));
        Assert.That(run.Error, Does.Contain("hxxxx").And.Contain("(5000001 characters)"));
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_reported_where_they_are()
    {
        string path = Path.Combine(_dir, "latin1.netdsl");
        var bytes = Encoding.UTF8.GetBytes("docker-host h { }\nnetwork n on h { subnet fd00:1::/64 }\ncontainer c on n { image \"caf").Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes("\" }\n")).ToArray();
        File.WriteAllBytes(path, bytes);
        var run = CliRun.Of("check", path);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("latin1.netdsl(3,30): error NDSL0010: The file is not valid UTF-8 here"));
    }

    [Test]
    public void An_empty_file_is_said_to_be_empty()
    {
        var run = CliRun.Of("check", Write("empty.netdsl", ""));
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Error, Does.Contain("warning NDSL0012: The file declares nothing."));
    }

    [Test]
    public void A_long_unknown_trace_endpoint_is_cut()
    {
        var run = CliRun.Of("trace", TestSupport.RepoPaths.SquidExample, new string('q', 100_000), "dns.google");
        Assert.That(run.ExitCode, Is.EqualTo(64));
        Assert.That(run.Error.Length, Is.LessThan(1_000));
    }
}

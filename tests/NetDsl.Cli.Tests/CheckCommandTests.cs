using System;
using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

public class CheckCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "netdsl-cli-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_dir, "lab.netdsl");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Example_checks_with_its_warning_and_exit_0()
    {
        var run = CliRun.Of("check", RepoPaths.SquidExample);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Contain("lab.netdsl(51,33): warning NDSL5004: "));
        Assert.That(run.Out, Does.Contain("ok (1 warning(s))"));
    }

    [Test]
    public void Errors_print_compiler_style_lines_and_exit_1()
    {
        string path = Write("docker-host h { }\nnetwork n on nowhere { subnet fd00:1::/64 }\nnetwork m on h { subnet fd00:1::1/64 }\n");
        var run = CliRun.Of("check", path);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith(path + "(2,14): error NDSL1001: No docker-host named 'nowhere' is declared. Declared: h. Fix: "));
        Assert.That(lines[1], Does.StartWith(path + "(3,25): error NDSL2003: 'fd00:1::1/64' has host bits set; the network is fd00:1::/64. Fix: "));
        Assert.That(run.Out, Does.Contain("2 error(s)"));
    }

    [Test]
    public void Missing_file_is_a_usage_error() =>
        Assert.That(CliRun.Of("check", Path.Combine(_dir, "absent.netdsl")).ExitCode, Is.EqualTo(64));

    [Test]
    public void Malformed_set_is_a_usage_error()
    {
        var run = CliRun.Of("check", RepoPaths.SquidExample, "--set", "ROUTINGPREFIX");
        Assert.That(run.ExitCode, Is.EqualTo(64));
        Assert.That(run.Error, Does.Contain("expected NAME=VALUE"));
    }

    [Test]
    public void Set_of_an_unknown_parameter_is_a_diagnostic()
    {
        var run = CliRun.Of("check", RepoPaths.SquidExample, "--set", "NOPE=1");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("error NDSL1006: --set NOPE: no parameter 'NOPE' is declared."));
    }

    [Test]
    public void Set_with_a_value_of_the_wrong_kind_is_a_diagnostic()
    {
        var run = CliRun.Of("check", RepoPaths.SquidExample, "--set", "ROUTINGPREFIX=2001:db8::1");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("NDSL1005"));
    }

    [Test]
    public void Unknown_command_and_missing_argument_are_usage_errors()
    {
        Assert.That(CliRun.Of("frobnicate").ExitCode, Is.EqualTo(64));
        Assert.That(CliRun.Of("check").ExitCode, Is.EqualTo(64));
    }

    [Test]
    public void Help_exits_0() => Assert.That(CliRun.Of("--help").ExitCode, Is.EqualTo(0));

    [Test]
    public void Garbage_input_never_crashes_the_cli()
    {
        var random = new Random(1234);
        for (int i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(_dir, "lab.netdsl"), bytes);
            var run = CliRun.Of("check", Path.Combine(_dir, "lab.netdsl"));
            Assert.That(run.ExitCode, Is.EqualTo(0).Or.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.Not.Contain("internal error").And.Not.Contain("NDSL9001"));
        }
    }
}

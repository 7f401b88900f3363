using System;
using System.IO;
using System.Linq;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

/// <summary>`netdsl fmt`: the CI gate over the examples, rewriting in place, and what it refuses.</summary>
public class FmtCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "netdsl-fmt-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Every_example_passes_fmt_check()
    {
        var files = Directory.GetFiles(RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories);
        Assert.That(files, Is.Not.Empty);
        var run = CliRun.Of(new[] { "fmt", "--check" }.Concat(files).ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Out + run.Error + "\n(run ./netdsl fmt examples/*/*.netdsl)");
    }

    [Test]
    public void Check_lists_an_unformatted_file_and_leaves_it_alone()
    {
        string path = Path.Combine(_dir, "lab.netdsl");
        const string messy = "let  A=1\n";
        File.WriteAllText(path, messy);
        var run = CliRun.Of("fmt", "--check", path);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain(path + ": not formatted"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(messy));
    }

    [Test]
    public void Fmt_rewrites_the_file_and_a_second_run_changes_nothing()
    {
        string path = Path.Combine(_dir, "lab.netdsl");
        File.WriteAllText(path, "let  A=1  # one\ndocker-host h {engine 20.10}\n");
        Assert.That(CliRun.Of("fmt", path).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(path), Is.EqualTo("let A = 1  # one\ndocker-host h { engine 20.10 }\n"));
        var again = CliRun.Of("fmt", path);
        Assert.That(again.ExitCode, Is.EqualTo(0));
        Assert.That(again.Out, Is.Empty, "nothing to rewrite");
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [Test]
    public void A_statement_with_syntax_errors_is_left_and_said_so()
    {
        string path = Path.Combine(_dir, "lab.netdsl");
        File.WriteAllText(path, "let  A = [\"a\" \"b\"]\nlet  B=1\n");
        var run = CliRun.Of("fmt", path);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Error, Does.Contain("1 statement(s) with syntax errors left as written"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("let  A = [\"a\" \"b\"]\nlet B = 1\n"));
    }

    [Test]
    public void A_missing_file_is_a_usage_error()
    {
        var run = CliRun.Of("fmt", Path.Combine(_dir, "missing.netdsl"));
        Assert.That(run.ExitCode, Is.EqualTo(64));
        Assert.That(run.Error, Does.Contain("cannot read"));
    }
}

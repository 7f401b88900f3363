using System;
using System.IO;
using NetDsl.Diagrams.Tests.Renderers;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>`netdsl graph` and `netdsl trace --format mermaid` as a user runs them: formats, output file, options, errors.</summary>
[NonParallelizable]
public class GraphCommandTests
{
    [Test]
    public void Mermaid_is_the_default_and_goes_to_standard_output()
    {
        var run = CliRunner.Run("graph", RepoPaths.SquidExample);
        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.StartWith("flowchart TB\n").And.Contain("masquerade ipv6 out-not lo"));
    }

    [Test]
    public void Dot_is_graphviz_text()
    {
        var run = CliRunner.Run("graph", RepoPaths.SquidExample, "--format", "dot");
        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.StartWith("digraph netdsl {\n").And.EndWith("}\n"));
    }

    [Test]
    public void Svg_is_drawn_by_graphviz_into_the_output_file()
    {
        RendererRequirement.RequireDot();
        using var output = new TempFile(".svg");
        var run = CliRunner.Run("graph", RepoPaths.SquidExample, "--format", "svg", "-o", output.Path);
        Assert.That(run.Code, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("wrote: " + output.Path));
        string svg = File.ReadAllText(output.Path);
        Assert.That(svg, Does.Contain("<svg").And.Contain("</svg>"));
        Assert.That(SvgText.Of(svg), Does.Contain("ethernet1/1.999 — uplink"));
    }

    [Test]
    public void Svg_without_graphviz_says_how_to_install_it()
    {
        using var emptyPath = new TempFile("");
        Directory.CreateDirectory(emptyPath.Path);
        string? path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", emptyPath.Path);
            var run = CliRunner.Run("graph", RepoPaths.SquidExample, "--format", "svg");
            Assert.That(run.Code, Is.EqualTo(1));
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.Contain("--format svg needs Graphviz's `dot` on PATH").And.Contain("apt-get install graphviz").And.Contain("--format dot"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Test]
    public void Expand_draws_every_container_of_the_host()
    {
        using var file = new TempFile(".netdsl", LargeFiles.Generate(networks: 2, containers: 20));
        Assert.That(CliRunner.Run("graph", file.Path).Out, Does.Contain("10 containers").And.Not.Contain("\"c7\n"));
        Assert.That(CliRunner.Run("graph", file.Path, "--expand", "host1").Out, Does.Contain("\"c7\n").And.Not.Contain("10 containers"));
    }

    [Test]
    public void Expanding_an_unknown_host_is_a_usage_error_naming_the_hosts()
    {
        var run = CliRunner.Run("graph", RepoPaths.SquidExample, "--expand", "nohost");
        Assert.That(run.Code, Is.EqualTo(64));
        Assert.That(run.Error, Does.Contain("--expand nohost: no docker-host named 'nohost' (declared: dockerhost)"));
    }

    [Test]
    public void An_unwritable_output_is_a_usage_error_and_leaves_nothing()
    {
        using var dir = new TempFile("");
        string output = Path.Combine(dir.Path, "missing-folder", "out.mmd");
        var run = CliRunner.Run("graph", RepoPaths.SquidExample, "-o", output);
        Assert.That(run.Code, Is.EqualTo(64));
        Assert.That(run.Error, Does.Contain("cannot write '" + output + "'"));
        Assert.That(Directory.Exists(dir.Path), Is.False);
    }

    [Test]
    public void A_file_with_errors_draws_nothing_but_a_broken_expect_alone_still_draws()
    {
        using var bad = new TempFile(".netdsl", "docker-host h {\n");
        var run = CliRunner.Run("graph", bad.Path);
        Assert.That((run.Code, run.Out), Is.EqualTo((1, "")));
        Assert.That(run.Error, Does.Contain("nothing drawn"));

        using var broken = new TempFile(".netdsl", File.ReadAllText(RepoPaths.SquidExample) + "expect ping Rdc01 -> dns.google\n");
        var drawn = CliRunner.Run("graph", broken.Path);
        Assert.That(drawn.Code, Is.EqualTo(0), drawn.Error);
        Assert.That(drawn.Error, Does.Contain("NDSL6001"));
        Assert.That(drawn.Out, Does.StartWith("flowchart TB"));
    }

    [Test]
    public void A_missing_file_is_a_usage_error() => Assert.That(CliRunner.Run("graph", "/nonexistent/lab.netdsl").Code, Is.EqualTo(64));

    [Test]
    public void An_unknown_format_is_a_usage_error() => Assert.That(CliRunner.Run("graph", RepoPaths.SquidExample, "--format", "png").Code, Is.EqualTo(64));

    [TestCase("cnt01", "dns.google", 0)]
    [TestCase("Rdc01", "dns.google", 1)]
    public void Trace_draws_a_sequence_diagram_and_keeps_its_exit_code(string from, string to, int code)
    {
        var run = CliRunner.Run("trace", RepoPaths.SquidExample, from, to, "--format", "mermaid");
        Assert.That(run.Code, Is.EqualTo(code), run.Error);
        Assert.That(run.Out, Does.StartWith("sequenceDiagram\n"));
        Assert.That(run.Out.Contains("BROKEN at"), Is.EqualTo(code == 1));
    }
}

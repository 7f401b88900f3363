using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NetDsl.Model;
using NetDsl.Targets;
using NetDsl.Targets.Diagrams;
using NetDsl.TestSupport;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>emit's topology.md: the topology and one path per expect, in Mermaid blocks, checked by emit --check like every artifact.</summary>
public class TopologyDocumentTests
{
    private static string[] Blocks(string markdown) =>
        Regex.Matches(markdown, "```mermaid\n(.*?)```\n", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();

    [TestCaseSource(typeof(Models), nameof(Models.Examples))]
    public void Holds_the_topology_and_one_path_per_expect((string Name, string Path) example)
    {
        var model = Models.Compile(example.Path);
        var blocks = Blocks(TopologyDocumentRenderer.Write(model));
        var tracer = new PathTracer(model);
        var expected = new[] { MermaidFlowchart.Write(TopologyGraph.Build(model)) }
            .Concat(model.Expectations.Select(e => PathDiagram.Mermaid(tracer.Trace(e), tracer.Topology)));
        Assert.That(blocks, Is.EqualTo(expected), "the renderer tests draw exactly these");
    }

    [Test]
    public void Headings_name_each_expect_and_its_verdict_in_code_spans()
    {
        string text = TopologyDocumentRenderer.Write(Models.Seed());
        Assert.That(text, Does.StartWith("# Topology of `lab.netdsl`\n"));
        Assert.That(Regex.Matches(text, "^### .*$", RegexOptions.Multiline).Select(m => m.Value), Is.EqualTo(new[]
        {
            "### `expect ping dockerhost -> cnt01`: ok",
            "### `expect ping dockerhost -> fe80::1%br_ipv6_nw`: ok",
            "### `expect ping cnt01 -> dockerhost`: ok",
            "### `expect ping cnt01 -> fe80::1%eth0`: ok",
            "### `expect ping cnt01 -> dns.google`: ok",
        }));
    }

    [Test]
    public void A_file_without_expects_has_no_paths_section()
    {
        var text = TopologyDocumentRenderer.Write(Models.Large(networks: 1, containers: 2));
        Assert.That(Blocks(text), Has.Length.EqualTo(1));
        Assert.That(text, Does.Not.Contain("## Paths"));
    }

    [Test]
    public void Emit_writes_it_at_the_top_and_check_notices_a_change_but_not_a_readme_beside_it()
    {
        using var temp = new TempFile("");
        string dir = temp.Path;
        {
            Assert.That(CliRunner.Run("emit", RepoPaths.SquidExample, "-o", dir).Code, Is.EqualTo(0));
            string file = Path.Combine(dir, "topology.md");
            Assert.That(File.ReadAllText(file), Is.EqualTo(TopologyDocumentRenderer.Write(Models.Seed())));
            File.WriteAllText(Path.Combine(dir, "README.md"), "not NetDsl's\n");
            Assert.That(CliRunner.Run("emit", RepoPaths.SquidExample, "-o", dir, "--check").Code, Is.EqualTo(0));

            File.AppendAllText(file, "edited by hand\n");
            var check = CliRunner.Run("emit", RepoPaths.SquidExample, "-o", dir, "--check");
            Assert.That(check.Code, Is.EqualTo(1));
            Assert.That(check.Out, Does.Contain("differs: " + file));
        }
    }

    [Test]
    public void A_device_named_like_the_document_is_refused_before_anything_is_written()
    {
        using var file = new TempFile(".netdsl", "router Topology.MD ios { interface e0 address fd00::1/64 }\n");
        var check = CliRunner.Run("check", file.Path);
        Assert.That(check.Code, Is.EqualTo(1));
        Assert.That(check.Error, Does.Contain("NDSL1501").And.Contain("'Topology.MD' cannot name a router"));

        // A hand-built model that skips the binder is still refused by the renderers, whole.
        var seed = Models.Seed();
        var model = seed with { Routers = seed.Routers.Select(r => r with { Name = "topology.md" }).ToEquatableArray() };
        var rendered = TargetSet.Render(model, TargetRegistry.All());
        Assert.That(rendered.Errors.Select(e => e.Id), Does.Contain("NDSL1501"));
        Assert.That(rendered.Artifacts, Is.Empty);
    }
}

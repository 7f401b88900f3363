using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NetDsl.Diagrams.Tests.Renderers;
using NetDsl.Model;
using NetDsl.Targets.Diagrams;
using NetDsl.TestSupport;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>
/// The seed's pictures in docs/ (the README opens with them): its topology as `netdsl graph --format svg` draws it
/// (Graphviz), and the path of <c>ping cnt01 -> dns.google</c> as `netdsl trace --format mermaid` draws it (Mermaid).
/// Renderers' output differs between versions, so a plain run does not compare SVG bytes: each SVG carries the
/// SHA-256 of the diagram it was drawn from, and the test fails when that is not today's diagram. Only
/// NETDSL_UPDATE_GOLDEN=1 draws them again (and fails, so the new pictures are looked at).
/// </summary>
[NonParallelizable]
public class DocsPictureTests
{
    public const string TopologyPicture = "docs/pictures/seed-topology.svg";
    public const string PathPicture = "docs/pictures/seed-path.svg";

    private static readonly Regex Stamp = new("<!-- netdsl: drawn from a diagram with sha256 ([0-9a-f]{64})");

    public static string TopologySource() => DotGraph.Write(TopologyGraph.Build(Models.Seed()));

    public static string PathSource()
    {
        var tracer = new PathTracer(Models.Seed());
        return PathDiagram.Mermaid(tracer.Trace("cnt01", new ExpectTarget("dns.google", null, null)), tracer.Topology);
    }

    [Test]
    public void Topology_picture_is_drawn_from_todays_graph()
    {
        if (Golden.Updating)
        {
            var run = CliRunner.Run("graph", RepoPaths.SquidExample, "--format", "svg");
            if (run.Code != 0) RendererRequirement.RequireDot();
            Assert.That(run.Code, Is.EqualTo(0), run.Error);
            Write(TopologyPicture, run.Out, TopologySource());
        }
        AssertStamped(TopologyPicture, TopologySource());
    }

    [Test]
    public void Path_picture_is_drawn_from_todays_trace()
    {
        if (Golden.Updating)
        {
            RendererRequirement.RequireMermaid();
            var outcome = MermaidCli.Render(new Dictionary<string, string> { ["path"] = PathSource() })["path"];
            Assert.That(outcome.Error, Is.Null);
            Write(PathPicture, outcome.Svg!, PathSource());
        }
        AssertStamped(PathPicture, PathSource());
    }

    [Test]
    public void Readme_opens_its_what_it_is_with_the_pictures()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int section = readme.IndexOf("## What it is\n", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThanOrEqualTo(0));
        string opening = readme.Substring(section).Split("\n\n")[1];
        Assert.That(opening, Does.StartWith("![").And.Contain("(" + TopologyPicture + ")"));
        Assert.That(readme.Substring(section), Does.Contain("(" + PathPicture + ")"));
    }

    private static void Write(string relativePath, string svg, string source)
    {
        string path = Path.Combine(RepoPaths.Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string stamp = $"<!-- netdsl: drawn from a diagram with sha256 {Sha256(source)} by tests/NetDsl.Diagrams.Tests (NETDSL_UPDATE_GOLDEN=1 draws it again) -->\n";
        // After the XML declaration when there is one (Graphviz writes one), else first.
        int at = svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg.IndexOf('\n') + 1 : 0;
        File.WriteAllText(path, svg.Insert(at, stamp).Replace("\r\n", "\n"));
        Assert.Fail(relativePath + " drawn again (NETDSL_UPDATE_GOLDEN=1); look at it, then run again without it.");
    }

    private static void AssertStamped(string relativePath, string source)
    {
        string path = Path.Combine(RepoPaths.Root, relativePath);
        Assert.That(File.Exists(path), Is.True, relativePath + " is missing: draw it with NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Diagrams.Tests");
        string svg = File.ReadAllText(path);
        var match = Stamp.Match(svg);
        Assert.That(match.Success, Is.True, relativePath + " carries no netdsl stamp");
        Assert.That(match.Groups[1].Value, Is.EqualTo(Sha256(source)),
            relativePath + " was drawn from another diagram than today's: draw it again with NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Diagrams.Tests");
        Assert.That(svg, Does.Contain("<svg").And.Contain("</svg>"));
    }

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagrams.Tests.Renderers;
using NetDsl.Targets.Diagrams;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>
/// Every diagram of <see cref="DiagramCorpus"/> through the renderers people use: Mermaid's own CLI library (the
/// code GitHub's and GitLab's Mermaid runs, in Debian's chromium, every diagram in one browser session) and
/// Graphviz's <c>dot -Tsvg</c>. A diagram passes when the renderer accepts it and the drawing shows every label
/// line exactly, so a wrong escape fails as surely as a parse error.
/// </summary>
[NonParallelizable]
public class RealRendererTests
{
    // Controls: diagrams a renderer must refuse. If these rendered, a "pass" below would prove nothing.
    private const string BrokenMermaid = "flowchart TB\n  n0[[[\"unclosed\" --> n1\n";
    private const string BrokenDot = "digraph { n0 -> }\n";

    // The hostile topology with a name written "#quot;" left unescaped: it parses, but Mermaid draws '"' for it.
    private static Diagram WrongEscape
    {
        get
        {
            var diagram = DiagramCorpus.Mermaid.First(d => d.Name == "hostile.topology");
            return diagram with { Text = diagram.Text.Replace("#35;quot#59;", "#quot;") };
        }
    }

    private static IReadOnlyDictionary<string, MermaidOutcome>? _mermaid;

    private static IReadOnlyDictionary<string, MermaidOutcome> MermaidOutcomes()
    {
        RendererRequirement.RequireMermaid();
        if (_mermaid is null)
        {
            var input = DiagramCorpus.Mermaid.ToDictionary(d => d.Name, d => d.Text);
            input["control.broken"] = BrokenMermaid;
            input["control.wrong-escape"] = WrongEscape.Text;
            _mermaid = MermaidCli.Render(input);
        }
        return _mermaid;
    }

    public static IEnumerable<Diagram> MermaidDiagrams => DiagramCorpus.Mermaid;

    public static IEnumerable<Diagram> DotDiagrams => DiagramCorpus.Dot;

    [TestCaseSource(nameof(MermaidDiagrams))]
    public void Mermaid_draws_it_with_every_label(Diagram diagram)
    {
        var outcome = MermaidOutcomes()[diagram.Name];
        Assert.That(outcome.Error, Is.Null, "Mermaid refused " + diagram + ":\n" + outcome.Error + "\n" + diagram.Text);
        AssertShows(SvgText.Of(outcome.Svg!), diagram);
    }

    [TestCaseSource(nameof(DotDiagrams))]
    public void Graphviz_draws_it_with_every_label(Diagram diagram)
    {
        var (svg, error) = GraphvizDot.Render(diagram.Text);
        Assert.That(error, Is.Null, "dot refused " + diagram + ":\n" + error + "\n" + diagram.Text);
        AssertShows(SvgText.Of(svg!), diagram);
    }

    [Test]
    public void Mermaid_refuses_a_broken_diagram()
    {
        var outcome = MermaidOutcomes()["control.broken"];
        Assert.That(outcome.Svg, Is.Null);
        Assert.That(outcome.Error, Does.Contain("Parse error"));
    }

    [Test]
    public void Graphviz_refuses_a_broken_graph() => Assert.That(GraphvizDot.Render(BrokenDot).Error, Does.Contain("syntax error"));

    [Test]
    public void A_wrong_escape_would_be_caught()
    {
        // The check itself: a name written "#quot;" left unescaped still parses, but Mermaid draws '"' for it. The
        // label check must notice that difference, not just a parse error.
        var outcome = MermaidOutcomes()["control.wrong-escape"];
        Assert.That(WrongEscape.Text, Is.Not.EqualTo(DiagramCorpus.Mermaid.First(d => d.Name == WrongEscape.Name).Text), "the hostile topology must contain an escaped '#quot;'");
        Assert.That(outcome.Error, Is.Null, "the wrong escape is meant to parse");
        var drawn = SvgText.Of(outcome.Svg!);
        Assert.That(WrongEscape.MustShow.All(l => drawn.Contains(SvgText.Normalise(DiagramText.Visible(l)), System.StringComparison.Ordinal)), Is.False,
            "an unescaped entity code went unnoticed");
    }

    private static void AssertShows(string drawn, Diagram diagram)
    {
        var missing = diagram.MustShow.Select(l => SvgText.Normalise(DiagramText.Visible(l)))
            .Where(l => l.Length > 0 && !drawn.Contains(l, System.StringComparison.Ordinal)).ToList();
        Assert.That(missing, Is.Empty, diagram + ": the drawing lacks these labels (escaping?). Drawn text:\n" + drawn);
    }
}

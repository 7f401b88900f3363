using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Diagnostics;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests.Diagnostics;

/// <summary>Every diagnostic id: its bad example reports it at exactly the marked span, its good example compiles clean.</summary>
public class DiagnosticExampleTests
{
    private static readonly string[] Untestable = { "NDSL9001" };

    public static System.Collections.Generic.IEnumerable<DiagnosticExample> Examples => DiagnosticExamples.All;

    [TestCaseSource(nameof(Examples))]
    public void Bad_example_reports_the_id_at_the_marked_span(DiagnosticExample example)
    {
        var result = NetDslCompiler.Compile(example.BadText, "bad.netdsl", example.Overrides);
        var (start, length) = example.MarkedSpan;
        var matching = result.Diagnostics.Where(d => d.Id == example.Id).ToList();
        Assert.That(matching, Is.Not.Empty, "reported: " + string.Join("\n", result.Diagnostics.Select(d => result.Format(d))));
        Assert.That(matching.Select(d => (result.Locate(d.Span).Start, result.Locate(d.Span).Length)), Does.Contain((start, length)),
            "spans: " + string.Join(", ", matching.Select(d => result.Locate(d.Span))) + "\n" + string.Join("\n", result.Diagnostics.Select(d => result.Format(d))));
        var descriptor = DiagnosticDefinitions.All.Single(d => d.Id == example.Id);
        // A failed expect leaves the model whole (trace and the lab run on it); any other error leaves none.
        if (descriptor == DiagnosticDefinitions.PathBroken || descriptor == DiagnosticDefinitions.PathOpen)
            Assert.That(result.OnlyExpectsFail, Is.True, "a file whose only errors are failed expects keeps its model");
        else if (descriptor.DefaultSeverity == Severity.Error) Assert.That(result.Model, Is.Null, "a file with errors has no model");
    }

    [TestCaseSource(nameof(Examples))]
    public void Good_example_compiles_without_that_diagnostic_or_any_error(DiagnosticExample example)
    {
        var result = NetDslCompiler.Compile(example.Good, "good.netdsl", example.Overrides is null ? null : new System.Collections.Generic.Dictionary<string, string>());
        Assert.That(result.Diagnostics.Where(d => d.Severity == Severity.Error || d.Id == example.Id).Select(d => result.Format(d)), Is.Empty);
    }

    [Test]
    public void Every_descriptor_has_an_example_or_is_listed_as_untestable()
    {
        var covered = DiagnosticExamples.All.Select(e => e.Id).Concat(Untestable);
        Assert.That(DiagnosticDefinitions.All.Select(d => d.Id).Except(covered), Is.Empty);
        Assert.That(DiagnosticExamples.All.Select(e => e.Id), Is.Unique);
    }

    [Test]
    public void Ids_are_unique_and_well_formed()
    {
        Assert.That(DiagnosticDefinitions.All.Select(d => d.Id), Is.Unique);
        Assert.That(DiagnosticDefinitions.All.Select(d => d.Id), Has.All.Match("^NDSL[0-9]{4}$"));
        Assert.That(DiagnosticDefinitions.All.Select(d => d.Fix), Has.None.Empty);
    }

    /// <summary>docs/diagnostics.md is generated from the descriptors and examples (NETDSL_UPDATE_GOLDEN=1 rewrites it).</summary>
    [Test]
    public void Diagnostics_reference_is_up_to_date() => Golden.AssertMatches("docs/diagnostics.md", DiagnosticsReference.Render());
}

/// <summary>Renders docs/diagnostics.md.</summary>
public static class DiagnosticsReference
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("# NetDsl diagnostics\n\n");
        sb.Append("Generated from `src/NetDsl/Diagnostics/DiagnosticDefinitions.cs` and the examples in\n");
        sb.Append("`tests/NetDsl.Tests/Diagnostics/DiagnosticExamples.cs` (each bad example is tested to report its id at the\n");
        sb.Append("marked place, each good one to compile clean). Regenerate with `NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Tests`.\n\n");
        sb.Append("Severities can be changed per id in a consuming project (see docs/generator.md).\n\n");
        sb.Append("| id | severity | title |\n|---|---|---|\n");
        foreach (var d in DiagnosticDefinitions.All)
            sb.Append($"| [{d.Id}](#{d.HelpAnchor}) | {NetDslDiagnostic.SeverityWord(d.DefaultSeverity)} | {d.Title} |\n");
        foreach (var d in DiagnosticDefinitions.All)
        {
            sb.Append($"\n## {d.Id}\n\n");
            sb.Append($"**{d.Title}** ({NetDslDiagnostic.SeverityWord(d.DefaultSeverity)}, {d.Category}).\n\n");
            sb.Append($"Message: {MessageText.Documented(d.MessageFormat)}\n\n");
            sb.Append($"Fix: {d.DocumentedFix}\n");
            var example = DiagnosticExamples.All.FirstOrDefault(e => e.Id == d.Id);
            if (example is null)
            {
                sb.Append("\nNo example: " + (d.Id == "NDSL9001" ? "reported only when NetDsl itself fails.\n" : "reported by the path checks of `expect` (see `netdsl trace`).\n"));
                continue;
            }
            var compiled = NetDslCompiler.Compile(example.BadText, "bad.netdsl", example.Overrides);
            var reported = compiled.Diagnostics
                .First(x => x.Id == d.Id && (compiled.Locate(x.Span).Start, compiled.Locate(x.Span).Length) == example.MarkedSpan);
            if (example.Overrides is not null)
                sb.Append("\nWith " + string.Join(" ", example.Overrides.Select(o => $"`--set {o.Key}={o.Value}`")) + ":\n");
            sb.Append("\nBad:\n\n```\n" + example.BadText + "```\n\n");
            sb.Append("```\n" + compiled.Format(reported) + "\n```\n\n");
            sb.Append("Good:\n\n```\n" + example.Good + "```\n");
        }
        return sb.ToString();
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetDsl.Generators.Tests.Support;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// Incremental caching, observed with step tracking on: work the compiler can skip is reported Cached
/// (input unchanged) or Unchanged (re-run, same value), never Modified or New.
/// </summary>
public class CachingTests
{
    private static readonly string[] Steps =
    {
        NetDslGenerator.Steps.Sources, NetDslGenerator.Steps.Compiled, NetDslGenerator.Steps.ClassNames, NetDslGenerator.Steps.Generated,
    };

    [Test]
    public void Editing_an_unrelated_CSharp_file_leaves_every_NetDsl_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var file = new InMemoryAdditionalText(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        var first = GeneratorHarness.Continue(GeneratorHarness.Driver(new[] { file }), compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class A { int x; }", GeneratorHarness.ParseOptions, "Consumer0.cs"));
        var second = GeneratorHarness.Continue(first.Driver, edited);

        var result = second.Result.Results.Single();
        foreach (var step in Steps)
        {
            var reasons = Reasons(result.TrackedSteps[step]);
            Assert.That(reasons, Is.All.EqualTo(IncrementalStepRunReason.Cached), step + ": " + string.Join(", ", reasons));
        }
        Assert.That(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void The_same_text_saved_again_leaves_the_output_cached()
    {
        var file = new InMemoryAdditionalText(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        var first = GeneratorHarness.RunOn(new[] { file });

        var same = new InMemoryAdditionalText(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        var driver = first.Driver.ReplaceAdditionalText(file, same);
        var second = GeneratorHarness.Continue(driver, first.Output.RemoveAllSyntaxTrees().AddSyntaxTrees(GeneratorHarness.Compilation("namespace Consumer { public static class Marker { } }").SyntaxTrees));

        var result = second.Result.Results.Single();
        // The file is read again (a new AdditionalText), finds the same value, and everything after it is cached.
        Assert.That(Reasons(result.TrackedSteps[NetDslGenerator.Steps.Sources]), Is.All.EqualTo(IncrementalStepRunReason.Unchanged));
        foreach (var step in new[] { NetDslGenerator.Steps.Compiled, NetDslGenerator.Steps.Generated })
            Assert.That(Reasons(result.TrackedSteps[step]), Is.All.EqualTo(IncrementalStepRunReason.Cached), step);
        Assert.That(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void Editing_one_file_does_not_regenerate_another()
    {
        var a = new InMemoryAdditionalText("/repo/a.netdsl", GeneratorHarness.Example);
        var b = new InMemoryAdditionalText("/repo/b.netdsl", GeneratorHarness.Example);
        var first = GeneratorHarness.RunOn(new[] { a, b });

        var editedB = new InMemoryAdditionalText("/repo/b.netdsl", GeneratorHarness.Example.Replace("cnt01", "cnt02"));
        var second = GeneratorHarness.Continue(first.Driver.ReplaceAdditionalText(b, editedB), GeneratorHarness.Compilation("namespace Consumer { public static class Marker { } }"));
        var generated = second.Result.Results.Single().TrackedSteps[NetDslGenerator.Steps.Generated];
        var reasons = Reasons(generated);
        Assert.That(reasons, Is.EquivalentTo(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }));
        Assert.That(second.Result.Results.Single().GeneratedSources.Single(s => s.HintName.Contains(".B.")).SourceText.ToString(), Does.Contain("Cnt02"));
    }

    private static List<IncrementalStepRunReason> Reasons(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
}

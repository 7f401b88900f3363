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
    // Every step the generator names (NetDslGenerator.Steps), found by reflection so a new step is covered too.
    private static readonly string[] Steps = typeof(NetDslGenerator.Steps).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    [Test]
    public void Editing_an_unrelated_CSharp_file_leaves_every_NetDsl_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var file = new InMemoryAdditionalText(GeneratorHarness.ExamplePath, GeneratorHarness.Example);
        var first = GeneratorHarness.Continue(GeneratorHarness.Driver(new[] { file }), compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class A { int x; }", GeneratorHarness.ParseOptions, "Consumer0.cs"));
        var second = GeneratorHarness.Continue(first.Driver, edited);

        var result = second.Result.Results.Single();
        Assert.That(Steps, Has.Length.EqualTo(11));
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

    // 1,000 containers on 20 networks: 4 parts of containers, 1 of networks, and the main part.
    private const int Containers = 1000, Networks = 20;

    [Test]
    public void A_one_line_edit_to_a_large_file_reparses_one_statement_and_regenerates_only_its_parts()
    {
        string text = NetDsl.TestSupport.LargeFiles.Generate(Networks, Containers);
        var file = new InMemoryAdditionalText("/repo/large.netdsl", text);
        var first = GeneratorHarness.RunOn(new[] { file });
        Assert.That(first.GeneratorDiagnostics, Is.Empty, string.Join("\n", first.GeneratorDiagnostics));

        // The middle container's command changes: its statement, its draft, its typed member and its create step (the settings
        // hash), all in the part that holds it; the main part changes with every edit.
        var edited = new InMemoryAdditionalText("/repo/large.netdsl", NetDsl.TestSupport.LargeFiles.EditOneLine(text, Containers, Networks));
        var second = GeneratorHarness.Continue(first.Driver.ReplaceAdditionalText(file, edited), GeneratorHarness.Compilation("namespace Consumer { public static class Marker { } }"));
        var result = second.Result.Results.Single();

        var statements = Reasons(result.TrackedSteps[NetDslGenerator.Steps.Statements]);
        Assert.That(statements.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(1));
        Assert.That(statements.Count(r => r == IncrementalStepRunReason.Cached), Is.EqualTo(statements.Count - 1));

        var changed = ChangedSources(first, second);
        var drafts = Reasons(result.TrackedSteps[NetDslGenerator.Steps.Drafts]);
        Assert.That(drafts.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(1));
        Assert.That(drafts.Count(r => r == IncrementalStepRunReason.Cached), Is.EqualTo(drafts.Count - 1));
        Assert.That(changed, Is.EquivalentTo(new[] { "NetDsl.Generated.Large.netdsl.g.cs", "NetDsl.Generated.Large.Containers.1.netdsl.g.cs" }));
        var generated = Reasons(result.TrackedSteps[NetDslGenerator.Steps.Generated]);
        Assert.That(generated.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(2), string.Join(", ", generated));
        Assert.That(generated.Count(r => r == IncrementalStepRunReason.Cached), Is.EqualTo(generated.Count - 2));
        Assert.That(result.GeneratedSources.Single(s => s.HintName == "NetDsl.Generated.Large.Containers.1.netdsl.g.cs").SourceText.ToString(), Does.Contain("\"/bin/ash\""));
    }

    [Test]
    public void Lines_inserted_above_every_statement_change_only_the_main_part()
    {
        string text = NetDsl.TestSupport.LargeFiles.Generate(Networks, Containers);
        var file = new InMemoryAdditionalText("/repo/large.netdsl", text);
        var first = GeneratorHarness.RunOn(new[] { file });

        var moved = new InMemoryAdditionalText("/repo/large.netdsl", "# Every statement below moves: two lines down, 30 characters on.\n\n" + text);
        var second = GeneratorHarness.Continue(first.Driver.ReplaceAdditionalText(file, moved), GeneratorHarness.Compilation("namespace Consumer { public static class Marker { } }"));
        var result = second.Result.Results.Single();

        Assert.That(Reasons(result.TrackedSteps[NetDslGenerator.Steps.Statements]), Is.All.EqualTo(IncrementalStepRunReason.Cached));
        Assert.That(Reasons(result.TrackedSteps[NetDslGenerator.Steps.Drafts]), Is.All.EqualTo(IncrementalStepRunReason.Cached));
        Assert.That(ChangedSources(first, second), Is.EqualTo(new[] { "NetDsl.Generated.Large.netdsl.g.cs" }));
        Assert.That(result.GeneratedSources.Length, Is.EqualTo(6));
    }

    [Test]
    public void A_statement_added_above_every_other_leaves_their_parses_drafts_and_parts_equal()
    {
        // Spans are relative to statements named by their text, not by their place or number: a new first statement
        // changes no other statement's parse or draft (Roslyn's tables are positional, so it re-runs the steps after the
        // insertion, but they give equal values), and only the main part (which lists routers) is generated again.
        string text = NetDsl.TestSupport.LargeFiles.Generate(Networks, Containers);
        var file = new InMemoryAdditionalText("/repo/large.netdsl", text);
        var first = GeneratorHarness.RunOn(new[] { file });

        var added = new InMemoryAdditionalText("/repo/large.netdsl", "router r9 ios { interface e0 address fd00:99::1/64 }\n" + text);
        var second = GeneratorHarness.Continue(first.Driver.ReplaceAdditionalText(file, added), GeneratorHarness.Compilation("namespace Consumer { public static class Marker { } }"));
        var result = second.Result.Results.Single();
        Assert.That(second.GeneratorDiagnostics, Is.Empty, string.Join("\n", second.GeneratorDiagnostics));

        foreach (var step in new[] { NetDslGenerator.Steps.Statements, NetDslGenerator.Steps.Drafts })
        {
            var before = Values(first.Result.Results.Single().TrackedSteps[step]);
            var after = Values(result.TrackedSteps[step]);
            Assert.That(after.Count, Is.EqualTo(before.Count + 1), step);
            Assert.That(after.Skip(1), Is.EqualTo(before), step + ": every statement after the new one gives an equal value");
        }
        Assert.That(ChangedSources(first, second), Is.EqualTo(new[] { "NetDsl.Generated.Large.netdsl.g.cs" }));
        var generated = Reasons(result.TrackedSteps[NetDslGenerator.Steps.Generated]);
        Assert.That(generated.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(1), string.Join(", ", generated));
        Assert.That(generated.Count(r => r == IncrementalStepRunReason.Cached), Is.EqualTo(generated.Count - 1));
        Assert.That(result.GeneratedSources.Single(s => s.HintName == "NetDsl.Generated.Large.netdsl.g.cs").SourceText.ToString(), Does.Contain("R9"));
    }

    private static List<object> Values(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany(s => s.Outputs).Select(o => o.Value).ToList();

    // Hint names of the generated sources whose text differs between two runs.
    private static List<string> ChangedSources(GeneratorHarness.Run first, GeneratorHarness.Run second)
    {
        var before = first.Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return second.Result.Results.Single().GeneratedSources
            .Where(s => !before.TryGetValue(s.HintName, out var old) || old != s.SourceText.ToString())
            .Select(s => s.HintName).ToList();
    }

    private static List<IncrementalStepRunReason> Reasons(IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
}

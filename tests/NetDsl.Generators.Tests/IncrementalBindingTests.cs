using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetDsl.Generators.Tests.Support;
using NetDsl.Tests.Diagnostics;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// The generator binds statement by statement (each parsed on its own, containers as cached drafts, completed in order);
/// the CLI runs the same steps in a row. Same code, two schedules: these tests hold their diagnostics equal — id, exact
/// place (the generator's Roslyn location against the CLI's located span), message — on every diagnostic's examples,
/// on broken mutations, and across edits of one driver.
/// </summary>
public class IncrementalBindingTests
{
    private static readonly string[] Alphabet = { "{", "}", "[", "]", "\"", "#", ":", "/", ".", "-", " ", "\n", "a", "1", "->", ";", ",", "c", "container x on n { image \"i\" }\n" };

    [Test]
    public void Every_diagnostic_example_reports_the_same_in_the_generator_as_in_the_CLI()
    {
        int compared = 0;
        foreach (var example in DiagnosticExamples.All.Where(e => e.Overrides is null))
        {
            foreach (var text in new[] { example.BadText, example.Good })
            {
                AssertSame(text, GeneratorHarness.RunOn("/repo/lab.netdsl", text).GeneratorDiagnostics);
                compared++;
            }
        }
        Assert.That(compared, Is.GreaterThan(90));
    }

    [Test]
    public void Broken_edits_of_the_examples_report_the_same_as_the_CLI_through_one_incremental_driver()
    {
        var random = new Random(20261126);
        foreach (var path in Directory.GetFiles(NetDsl.TestSupport.RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories))
        {
            string original = File.ReadAllText(path);
            var file = new InMemoryAdditionalText("/repo/lab.netdsl", original);
            var run = GeneratorHarness.RunOn(new[] { file });
            var compilation = GeneratorHarness.Compilation("class A { }");
            for (int i = 0; i < 120; i++)
            {
                // Mostly small edits to the last text (what typing does), sometimes back to the original.
                string text = i % 10 == 9 ? original : Mutate(file.GetText()!.ToString(), random);
                var next = new InMemoryAdditionalText("/repo/lab.netdsl", text);
                run = GeneratorHarness.Continue(run.Driver.ReplaceAdditionalText(file, next), compilation);
                file = next;
                AssertSame(text, run.GeneratorDiagnostics);
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        int at = random.Next(text.Length + 1);
        return random.Next(3) switch
        {
            0 when text.Length > 0 => text.Remove(Math.Min(at, text.Length - 1), 1),
            1 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)]),
            _ => text.Insert(at, "\n"),
        };
    }

    private static void AssertSame(string text, IEnumerable<Diagnostic> generator)
    {
        var compiled = NetDslCompiler.Compile(text, "lab.netdsl");
        var expected = compiled.Diagnostics
            .Select(d => (d, at: compiled.Locate(d.Span)))
            .Select(x => $"{x.d.Id} ({x.at.Line},{x.at.Column})-({x.at.EndLine},{x.at.EndColumn}) @{x.at.Start}+{x.at.Length}: {x.d.MessageWithFix}")
            .ToList();
        var actual = generator.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{d.Id} ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) @{d.Location.SourceSpan.Start}+{d.Location.SourceSpan.Length}: {d.GetMessage()}";
        }).ToList();
        Assert.That(actual, Is.EqualTo(expected), text);
    }
}

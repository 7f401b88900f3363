using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.LanguageServer.Documents;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>
/// The server re-parses and re-drafts only the statements an edit touched, and what it then shows equals a fresh
/// compile of the edited text (diagnostics placed in the file, and the model) — over seeded random edits.
/// </summary>
public class IncrementalAnalysisTests
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    [Test]
    public void A_one_line_edit_in_a_large_file_reparses_one_statement_and_redrafts_one_container()
    {
        string text = LargeFiles.Generate(networks: 50, containers: 500);
        var first = DocumentAnalysis.Of(new TextDocument("file:///l.netdsl", 1, text), None);
        string edited = LargeFiles.EditOneLine(text, containers: 500, networks: 50);
        Assert.That(edited, Is.Not.EqualTo(text));
        var second = DocumentAnalysis.Of(new TextDocument("file:///l.netdsl", 2, edited), None, first);
        Assert.That(second.Work, Is.EqualTo((1, 1)));
        AssertSameAsFresh(second);
    }

    [Test]
    public void Random_edits_show_what_a_fresh_compile_shows()
    {
        string text = File.ReadAllText(RepoPaths.SquidExample);
        var random = new Random(4242);
        const string alphabet = " \n{}[]\"#:/.-_abcxyz019;";
        var analysis = DocumentAnalysis.Of(new TextDocument("file:///lab.netdsl", 1, text), None);
        for (int version = 2; version < 400; version++)
        {
            var chars = analysis.Document.Text.ToList();
            int at = random.Next(chars.Count + 1);
            if (random.Next(2) == 0 && at < chars.Count) chars.RemoveAt(at);
            else chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
            // Now and then back to the example, so the edits do not wander off into noise.
            string next = version % 25 == 0 ? text : new string(chars.ToArray());
            analysis = DocumentAnalysis.Of(new TextDocument("file:///lab.netdsl", version, next), None, analysis);
            AssertSameAsFresh(analysis);
        }
    }

    private static void AssertSameAsFresh(DocumentAnalysis analysis)
    {
        var fresh = NetDslCompiler.Compile(analysis.Document.Text, analysis.Document.FileName);
        Assert.That(analysis.Result.Diagnostics.Select(d => analysis.Result.Format(d)), Is.EqualTo(fresh.Diagnostics.Select(d => fresh.Format(d))), analysis.Document.Text);
        Assert.That(analysis.Result.PartialModel, Is.EqualTo(fresh.PartialModel), analysis.Document.Text);
    }
}

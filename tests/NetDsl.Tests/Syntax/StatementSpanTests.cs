using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Syntax;
using NetDsl.TestSupport;
using NetDsl.Text;
using NUnit.Framework;

namespace NetDsl.Tests.Syntax;

/// <summary>
/// Spans are relative to their statement (<see cref="SourceSpan"/>) and placed in the file only by the layout
/// (<see cref="StatementLayout.Locate"/>). These tests hold the two halves of that promise: located, every span is
/// exactly where its text is in the file (checked against the file itself, not against the parser), and a statement's
/// parse does not change when an edit elsewhere moves it.
/// </summary>
public class StatementSpanTests
{
    // Every word and symbol of the tree, located, is its own text in the file; every diagnostic lies inside the file.
    private static int AssertLocatedOnItsText(string text)
    {
        var syntax = SyntaxParser.Parse(new FileText(text, "t.netdsl"));
        int checkedNodes = 0;
        void Node(SyntaxNode node)
        {
            var at = syntax.Locate(node.Span);
            Assert.That(at.End, Is.LessThanOrEqualTo(text.Length), text);
            if (node.Kind is NodeKind.Word or NodeKind.Arrow or NodeKind.Equals or NodeKind.Comma && node.Text.Length > 0 && at.Length > 0)
            {
                Assert.That(text.Substring(at.Start, at.Length), Is.EqualTo(node.Text), "node at " + at + " in:\n" + text);
                checkedNodes++;
            }
            if (node.Kind == NodeKind.String) Assert.That(text[at.Start], Is.EqualTo('"'), text);
            foreach (var child in node.Children) Node(child);
        }
        void Setting(SettingSyntax s)
        {
            Node(s.Keyword);
            foreach (var a in s.Arguments) Node(a);
            foreach (var o in s.Options) { Node(o.Keyword); foreach (var v in o.Values) Node(v); }
            foreach (var b in s.Body) Setting(b);
            var at = syntax.Locate(s.Span);
            if (s.Keyword.Text.Length > 0 && syntax.Locate(s.Keyword.Span).Length > 0)
                Assert.That(at.Start, Is.EqualTo(syntax.Locate(s.Keyword.Span).Start), "a setting starts at its keyword");
        }
        foreach (var s in syntax.Statements) Setting(s);
        foreach (var d in syntax.Diagnostics) Assert.That(syntax.Locate(d.Span).End, Is.LessThanOrEqualTo(text.Length), text);
        return checkedNodes;
    }

    [Test]
    public void Located_spans_of_the_examples_and_a_large_file_are_where_their_text_is()
    {
        int nodes = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories))
            nodes += AssertLocatedOnItsText(File.ReadAllText(file));
        nodes += AssertLocatedOnItsText(LargeFiles.Generate(networks: 20, containers: 300));
        Assert.That(nodes, Is.GreaterThan(2500));
    }

    [Test]
    public void Statements_sharing_a_line_indented_or_with_CRLF_or_CR_line_ends_are_located_exactly()
    {
        AssertLocatedOnItsText("let A = 1; let B = \"x\"   ;let C = [\"a\", \"b\"]\n");
        AssertLocatedOnItsText("\t  docker-host h {\r\n\t engine 20.10\r\n  interface eth0 address fd00::1/64 }\r\n  network n on h { subnet fd00:1::/64 }");
        AssertLocatedOnItsText("let A = 1\rlet B = 2\r\rrouter r ios { interface e0 }");
        AssertLocatedOnItsText("let A = 1; network n on h { subnet zz:: } ; container c on n { image 5 5 }\nbogus statement\n");

        var syntax = SyntaxParser.Parse(new FileText("let A = 1\r\n  router r ios {\r\n    route ::/0 via e0 fd00::1\r\n  }\r\n", "t.netdsl"));
        var via = syntax.Statements[1].Settings("route").Single().Option("via")!.Values[1];
        Assert.That(syntax.Locate(via.Span), Is.EqualTo(new SourceLocation(51, 7, 3, 23, 3, 30)));
    }

    [Test]
    public void Broken_input_is_located_exactly()
    {
        string text = File.ReadAllText(RepoPaths.SquidExample);
        var random = new Random(20261126);
        const string alphabet = "{}[]\"#:/.-_ ;\n\tabcxyz019->\\\r=,";
        for (int i = 0; i < 400; i++)
        {
            var chars = text.ToCharArray().ToList();
            for (int e = 0; e < 1 + random.Next(4); e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            AssertLocatedOnItsText(new string(chars.ToArray()));
        }
    }

    [Test]
    public void A_statement_moved_by_an_edit_above_it_keeps_its_id_and_parses_to_an_equal_value()
    {
        const string statement = "container c1 on n { image \"busybox\"  command [\"/bin/sh\"] }";
        var before = StatementLayout.Cut(new FileText("let A = 1\n" + statement + "\n"));
        // Lines, a comment, a statement added above, and the statement indented: only where it starts changes.
        var after = StatementLayout.Cut(new FileText("# a new comment\nlet LONGER_NAME = 12345\nlet A = 1\n\n    " + statement + "\n"));
        var was = before.Statements[1];
        var now = after.Statements[2];
        Assert.That((now.Text, now.Id), Is.EqualTo((was.Text, was.Id)));
        Assert.That(now.Start, Is.Not.EqualTo(was.Start));
        Assert.That(SyntaxParser.ParseStatement(now.Text, now.Id), Is.EqualTo(SyntaxParser.ParseStatement(was.Text, was.Id)));
        // And the same relative span is placed where the statement now is.
        var image = SyntaxParser.ParseStatement(now.Text, now.Id).Statement!.Settings("image").Single().Span;
        Assert.That(before.Locate(image), Has.Property("Line").EqualTo(2).And.Property("Column").EqualTo(21));
        Assert.That(after.Locate(image), Has.Property("Line").EqualTo(5).And.Property("Column").EqualTo(25));
    }

    [Test]
    public void Identical_statements_get_distinct_ids_and_only_an_identical_one_above_renumbers_a_statement()
    {
        var layout = StatementLayout.Cut(new FileText("expect ping a -> b\nlet A = 1\nexpect ping a -> b\n"));
        var ids = layout.Statements.Select(s => s.Id).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids[0].Hash, Is.EqualTo(ids[2].Hash));
        Assert.That((ids[0].Occurrence, ids[2].Occurrence), Is.EqualTo((0, 1)));
        Assert.That(ids.Any(id => id.IsFile), Is.False, "no statement is taken for the file itself");

        var syntax = SyntaxParser.Parse(new FileText("expect ping a -> b\nlet A = 1\nexpect ping a -> b\n"));
        Assert.That(syntax.Statements[0], Is.Not.EqualTo(syntax.Statements[2]), "spans say which of the two");
        Assert.That(syntax.Locate(syntax.Statements[2].Span).Line, Is.EqualTo(3));
    }

    [Test]
    public void The_statement_at_an_offset_is_found_and_file_spans_are_measured_from_the_start()
    {
        const string text = "let A = 1\n\n  let B = 2 # two\nlet C = 3";
        var layout = StatementLayout.Cut(new FileText(text));
        var expected = new List<int>();
        for (int offset = 0; offset <= text.Length; offset++)
        {
            int index = layout.Statements.ToList().FindIndex(s => offset >= s.Start && offset <= s.Start + s.Text.Length);
            expected.Add(index);
        }
        Assert.That(Enumerable.Range(0, text.Length + 1).Select(layout.IndexAt), Is.EqualTo(expected));
        Assert.That(layout.Statements.Select(s => s.Text), Is.EqualTo(new[] { "let A = 1", "let B = 2 # two", "let C = 3" }));
        Assert.That(layout.Locate(SourceSpan.InFile(13, 3)), Is.EqualTo(new SourceLocation(13, 3, 3, 3, 3, 6)));
        Assert.That(layout.Locate(SourceSpan.None), Is.EqualTo(new SourceLocation(0, 0, 1, 1, 1, 1)));
    }
}

using System;
using System.IO;
using System.Linq;
using NetDsl.Syntax;
using NetDsl.TestSupport;
using NetDsl.Text;
using NUnit.Framework;

namespace NetDsl.Tests.Syntax;

/// <summary>
/// Parsing a statement cut out of its file (what the source generator caches per statement) and moving it into the
/// file gives exactly what parsing the file in place gives: same tree, same spans, same diagnostics.
/// </summary>
public class StatementFrameTests
{
    private static void AssertSameAsInPlace(string text)
    {
        var source = new FileText(text, "t.netdsl");
        var inPlace = SyntaxParser.Parse(source);
        var layout = StatementSlices.Cut(source);
        var assembled = SyntaxParser.Assemble(layout, layout.Statements.Select(s => SyntaxParser.ParseStatement(s.Text)).ToList());
        Assert.That(assembled.Statements, Is.EqualTo(inPlace.Statements), text);
        Assert.That(assembled.Diagnostics, Is.EqualTo(inPlace.Diagnostics), text);
    }

    [Test]
    public void The_examples_and_a_large_file_parse_the_same_cut_into_statements()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories))
            AssertSameAsInPlace(File.ReadAllText(file));
        AssertSameAsInPlace(LargeFiles.Generate(networks: 20, containers: 300));
    }

    [Test]
    public void Statements_sharing_a_line_indented_or_with_CRLF_line_ends_parse_the_same()
    {
        AssertSameAsInPlace("let A = 1; let B = \"x\"   ;let C = [\"a\", \"b\"]\n");
        AssertSameAsInPlace("\t  docker-host h {\r\n\t engine 20.10\r\n  interface eth0 address fd00::1/64 }\r\n  network n on h { subnet fd00:1::/64 }");
        AssertSameAsInPlace("let A = 1; network n on h { subnet zz:: } ; container c on n { image 5 5 }\nbogus statement\n");
    }

    [Test]
    public void Broken_input_parses_the_same_cut_into_statements()
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
            AssertSameAsInPlace(new string(chars.ToArray()));
        }
    }

    [Test]
    public void A_statement_moved_by_an_edit_above_it_parses_to_an_equal_value()
    {
        const string statement = "container c1 on n { image \"busybox\"  command [\"/bin/sh\"] }";
        var before = StatementSlices.Cut(new FileText("let A = 1\n" + statement + "\n"));
        var after = StatementSlices.Cut(new FileText("# a new comment\nlet LONGER_NAME = 12345\n\n" + statement + "\n"));
        Assert.That(after.Statements[1].Text, Is.EqualTo(before.Statements[1].Text));
        Assert.That(after.Statements[1].Frame, Is.Not.EqualTo(before.Statements[1].Frame));
        Assert.That(SyntaxParser.ParseStatement(after.Statements[1].Text), Is.EqualTo(SyntaxParser.ParseStatement(before.Statements[1].Text)));
    }

    [Test]
    public void A_frame_moves_spans_into_the_file_and_back()
    {
        var source = new FileText("let A = 1\n\n  let B = 2\n", "t.netdsl");
        var frame = StatementSlices.Cut(source).Statements[1].Frame;
        Assert.That(frame, Is.EqualTo(new SpanFrame(11, 2)));
        var inFile = source.Span(17, 1);                       // the "B"
        var relative = frame.FromFile(inFile);
        Assert.That(relative, Is.EqualTo(new SourceSpan(6, 1, 1, 7, 1, 8)));
        Assert.That(frame.ToFile(relative), Is.EqualTo(inFile));
        Assert.That(SpanFrame.Of(inFile).ToFile(SpanFrame.Of(inFile).FromFile(inFile)), Is.EqualTo(inFile));
    }
}

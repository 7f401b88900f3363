using System.Collections.Generic;
using System.Linq;
using NetDsl.Syntax;
using NetDsl.Text;
using NUnit.Framework;

namespace NetDsl.Tests.Syntax;

/// <summary>The lexical grammar and the statement shapes, construct by construct.</summary>
public class GrammarTests
{
    private static FileSyntax Parse(string text) => SyntaxParser.Parse(new FileText(text));

    [Test]
    public void Comments_blank_lines_and_semicolons_separate_nothing_but_statements()
    {
        var tree = Parse("# header\n\nlet A = 1 # trailing\nlet B = 2; let C = \"x # not a comment\"\n");
        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.Statements.Select(s => s.Argument(0)!.Text), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(tree.Statements[2].Argument(1)!.Text, Is.EqualTo("x # not a comment"));
    }

    [Test]
    public void Settings_on_one_line_need_no_separator()
    {
        var tree = Parse("docker-host h { daemon { ipv6 true  fixed-cidr-v6 2001:db8:1::/64 } engine 20.10 }");
        Assert.That(tree.Diagnostics, Is.Empty);
        var daemon = tree.Statements[0].Settings("daemon").Single();
        Assert.That(daemon.Body.Select(s => s.Name + "=" + s.Argument(0)!.Text), Is.EqualTo(new[] { "ipv6=true", "fixed-cidr-v6=2001:db8:1::/64" }));
        Assert.That(tree.Statements[0].Settings("engine").Single().Argument(0)!.Text, Is.EqualTo("20.10"));
    }

    [Test]
    public void Vendor_interface_names_and_arrows_are_words_and_tokens()
    {
        var tree = Parse("firewall f panos { interface ethernet1/1.999 zone z address fd00::1/64\n allow a z->z }");
        Assert.That(tree.Diagnostics, Is.Empty);
        var fw = tree.Statements[0];
        Assert.That(fw.Settings("interface").Single().Argument(0)!.Text, Is.EqualTo("ethernet1/1.999"));
        var allow = fw.Settings("allow").Single();
        Assert.That(allow.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "a", "z", "z" }), "'->' splits words even without spaces");
    }

    [Test]
    public void Strings_unescape_and_lists_hold_strings_and_words()
    {
        var tree = Parse("let L = [\"a b\", \"q\\\"uote\", \"back\\\\slash\", \"tab\\tnl\\n\", word]");
        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.Statements[0].Argument(1)!.Children.Select(c => c.Text), Is.EqualTo(new[] { "a b", "q\"uote", "back\\slash", "tab\tnl\n", "word" }));
    }

    [Test]
    public void Empty_list_and_multiline_list()
    {
        var tree = Parse("let L = []\nlet M = [\n  \"a\",\n  \"b\"\n]\n");
        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.Statements[0].Argument(1)!.Children, Is.Empty);
        Assert.That(tree.Statements[1].Argument(1)!.Children.Count, Is.EqualTo(2));
    }

    [Test]
    public void Spans_are_exact_with_crlf_line_ends()
    {
        var tree = Parse("let A = 1\r\nrouter r ios {\r\n  route ::/0 via e0 fd00::1\r\n}\r\n");
        var route = tree.Statements[1].Settings("route").Single();
        Assert.That((tree.Locate(route.Span).Line, tree.Locate(route.Span).Column), Is.EqualTo((3, 3)));
        Assert.That(tree.Locate(route.Option("via")!.Values[1].Span), Has.Property("Line").EqualTo(3).And.Property("Column").EqualTo(21));
    }

    [Test]
    public void One_broken_statement_does_not_hide_the_next()
    {
        var tree = Parse("docker-host h {\n  bogus 1\n}\nnetwork n on h {\n  subnet\n}\nrouter r ios { interface e0 }\n");
        Assert.That(tree.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "NDSL0005", "NDSL0006" }));
        Assert.That(tree.Statements.Select(s => s.Name), Does.Contain("router"));
    }

    [Test]
    public void Statements_must_start_on_their_own_line()
    {
        var tree = Parse("let A = 1 let B = 2\n");
        var d = tree.Diagnostics.Single();
        Assert.That(d.Id, Is.EqualTo("NDSL0006"));
        Assert.That(d.Message, Does.Contain("put each statement on its own line"));
        Assert.That(tree.Locate(d.Span).Column, Is.EqualTo(11));
    }

    [Test]
    public void Unclosed_block_is_cut_at_the_next_top_level_keyword()
    {
        var tree = Parse("docker-host h {\n  engine 20.10\nrouter r ios { interface e0 }\n");
        Assert.That(tree.Diagnostics.Single().Id, Is.EqualTo("NDSL0003"));
        Assert.That(tree.Locate(tree.Diagnostics.Single().Span).Line, Is.EqualTo(1));
        Assert.That(tree.Statements.Select(s => s.Name), Is.EqualTo(new[] { "router" }));
    }

    [Test]
    public void Stray_closing_brace_is_reported_where_it_is()
    {
        var tree = Parse("let A = 1 }\n");
        Assert.That(tree.Diagnostics.Single().Id, Is.EqualTo("NDSL0003"));
        Assert.That(tree.Locate(tree.Diagnostics.Single().Span).Column, Is.EqualTo(11));
    }

    [Test]
    public void Missing_comma_in_a_list_points_at_the_item()
    {
        var tree = Parse("let L = [\"a\" \"b\"]");
        var d = tree.Diagnostics.Single();
        Assert.That(d.Id, Is.EqualTo("NDSL0001"));
        Assert.That(tree.Locate(d.Span).Column, Is.EqualTo(14));
        Assert.That(d.Message, Does.Contain("expected"));
    }

    [Test]
    public void Every_truncation_of_the_example_parses_and_binds_without_throwing()
    {
        string text = TestCompile.ExampleText;
        for (int length = 0; length <= text.Length; length++)
        {
            var result = NetDslCompiler.Compile(text.Substring(0, length));
            Assert.That(result.Diagnostics.Select(d => d.Id), Has.None.EqualTo("NDSL9001"), "truncated at " + length);
            foreach (var d in result.Diagnostics) Assert.That(result.Locate(d.Span).End, Is.LessThanOrEqualTo(length), "span inside the text");
        }
    }

    [Test]
    public void Random_mutations_of_the_example_never_throw()
    {
        string text = TestCompile.ExampleText;
        var random = new System.Random(42);
        const string alphabet = "{}[]\"#;=,->:/.% \n\tabcz019fFX\\";
        for (int i = 0; i < 2000; i++)
        {
            var chars = text.ToCharArray().ToList();
            for (int m = random.Next(1, 6); m > 0; m--)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            var result = NetDslCompiler.Compile(new string(chars.ToArray()));
            Assert.That(result.Diagnostics.Select(d => d.Id), Has.None.EqualTo("NDSL9001"), "mutation " + i);
        }
    }
}

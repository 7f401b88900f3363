using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NetDsl.Formatting;
using NetDsl.TestSupport;
using NetDsl.Tests.Diagnostics;
using NUnit.Framework;

namespace NetDsl.Tests.Formatting;

/// <summary>
/// The formatter's two promises, over the examples, every diagnostic example (bad and good) and seeded random
/// mutations: formatting twice changes nothing more than formatting once, and the formatted file compiles to the
/// same model and the same diagnostics (ids, severities, messages), positions aside.
/// </summary>
public class FormatterTests
{
    public static IEnumerable<string> ExampleFiles => Directory.GetFiles(RepoPaths.Examples, "*.netdsl", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(RepoPaths.Root, p));

    [TestCaseSource(nameof(ExampleFiles))]
    public void Examples_are_formatted(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));
        Assert.That(NetDslFormatter.Format(text).Text, Is.EqualTo(text), "run ./netdsl fmt " + relativePath);
    }

    [Test]
    public void Every_example_and_diagnostic_example_keeps_its_meaning_and_is_stable()
    {
        var inputs = ExampleFiles.Select(p => File.ReadAllText(Path.Combine(RepoPaths.Root, p)))
            .Concat(DiagnosticExamples.All.SelectMany(e => new[] { e.BadText, e.Good }));
        foreach (var text in inputs) AssertProperties(text);
    }

    [Test]
    public void A_messy_file_gets_the_one_layout()
    {
        string messy = "\n\n# head\nlet  IMAGE=\"busybox\"   # the image\nlet CMD = [ \"/bin/sh\" ,\"-c\" ];let X = 1\n\n\n\n" +
                       "docker-host h {engine 20.10\n\tinterface eth0 address fd00::2/64\n  daemon\n{ ipv6 true;fixed-cidr-v6 fd00:d::/64 }\n}\n" +
                       "network n on h { subnet fd00:1::/64 bridge-name br0 }   # one line\n" +
                       "container c on n { image IMAGE command CMD tty }\n" +
                       "container d on n {\n\n\n  image IMAGE # why\n  # own line\n\n  tty }\n" +
                       "firewall f panos { interface e1 zone z address fd00:2::1/64\n nptv6 r from z to z interface e1 { fd00:1::/64->fd01::/64  fd00:3::/64 -> fd03::/64 } }\n" +
                       "expect ping c->d\n\n";
        string expected = "# head\nlet IMAGE = \"busybox\"  # the image\nlet CMD = [\"/bin/sh\", \"-c\"]; let X = 1\n\n" +
                          "docker-host h {\n  engine 20.10\n  interface eth0 address fd00::2/64\n  daemon { ipv6 true  fixed-cidr-v6 fd00:d::/64 }\n}\n" +
                          "network n on h { subnet fd00:1::/64  bridge-name br0 }  # one line\n" +
                          "container c on n { image IMAGE  command CMD  tty }\n" +
                          "container d on n {\n  image IMAGE  # why\n  # own line\n\n  tty\n}\n" +
                          "firewall f panos {\n  interface e1 zone z address fd00:2::1/64\n  nptv6 r from z to z interface e1 { fd00:1::/64 -> fd01::/64  fd00:3::/64 -> fd03::/64 }\n}\n" +
                          "expect ping c -> d\n";
        Assert.That(NetDslFormatter.Format(messy).Text, Is.EqualTo(expected));
        AssertProperties(messy);
    }

    [Test]
    public void Trailing_comments_of_neighbouring_lines_line_up()
    {
        string text = "let A = 1  # a\nlet LONGER = 2 # b\n\nlet C = 3      # c\n";
        Assert.That(NetDslFormatter.Format(text).Text, Is.EqualTo("let A = 1       # a\nlet LONGER = 2  # b\n\nlet C = 3  # c\n"));
    }

    [Test]
    public void A_statement_with_a_syntax_error_is_left_as_written()
    {
        string text = "let  A  =  1\ndocker-host   h {  engine  \nnetwork n on h { subnet fd00:1::/64 }\nlet B = [\"a\" \"b\"]\n";
        var result = NetDslFormatter.Format(text);
        Assert.That(result.Text, Is.EqualTo("let A = 1\ndocker-host   h {  engine  \nnetwork n on h { subnet fd00:1::/64 }\nlet B = [\"a\" \"b\"]\n"));
        Assert.That(result.StatementsLeftAsWritten, Is.EqualTo(2));
    }

    [Test]
    public void Empty_and_blank_files_format_to_nothing()
    {
        Assert.That(NetDslFormatter.Format("").Text, Is.EqualTo(""));
        Assert.That(NetDslFormatter.Format(" \n\n\t\n").Text, Is.EqualTo(""));
        Assert.That(NetDslFormatter.Format("# only\r\n").Text, Is.EqualTo("# only\n"));
    }

    [Test]
    public void Random_mutations_keep_their_meaning_and_are_stable()
    {
        // Layout characters dominate, so most mutants still parse and exercise the layout rules; the rest exercise
        // the statements left as written.
        const string alphabet = "  \n\n\n\t;;#{}[],\"->=abc019:/\r";
        var seeds = ExampleFiles.Select(p => File.ReadAllText(Path.Combine(RepoPaths.Root, p))).ToList();
        var random = new Random(1515);
        // 500 in CI (about 5 s); NETDSL_FMT_MUTATIONS=20000 for a longer exploration.
        int count = int.TryParse(Environment.GetEnvironmentVariable("NETDSL_FMT_MUTATIONS"), out int n) ? n : 500;
        int relaidWhole = 0;
        for (int i = 0; i < count; i++)
        {
            string seed = seeds[i % seeds.Count];
            var chars = seed.ToCharArray().ToList();
            int edits = 1 + random.Next(6);
            for (int e = 0; e < edits && chars.Count > 0; e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(5))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 2: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    default:
                        // Layout only: white space, ';' or a comment next to white space, which splits no token.
                        while (at < chars.Count && !char.IsWhiteSpace(chars[at])) at++;
                        chars.InsertRange(at, Layouts[random.Next(Layouts.Length)]);
                        break;
                }
            }
            string mutant = new(chars.ToArray());
            if (Violation(mutant) is { } violation)
                Assert.Fail($"mutation {i}: {violation}\nshrunk input:\n{Shrink(mutant)}");
            var formatted = NetDslFormatter.Format(mutant);
            if (formatted.StatementsLeftAsWritten == 0 && formatted.Text != mutant) relaidWhole++;
        }
        // Not vacuous: a good share of the mutants parse and are laid out anew, not copied as written.
        Assert.That(relaidWhole, Is.GreaterThan(count / 8), "mutants re-laid out with every statement parsed");
        TestContext.Out.WriteLine($"{count} mutants, {relaidWhole} re-laid out with every statement parsed");
    }

    private static readonly string[] Layouts = { " ", "  ", "\n", "\n\n", "\t", ";", " # note\n", "\r\n", "\n  " };

    private static void AssertProperties(string text)
    {
        if (Violation(text) is { } violation) Assert.Fail(violation + "\ninput:\n" + text);
    }

    /// <summary>What breaks a promise for this input, or null.</summary>
    private static string? Violation(string text)
    {
        string once = NetDslFormatter.Format(text).Text;
        string twice = NetDslFormatter.Format(once).Text;
        if (twice != once) return "not idempotent:\n--- once\n" + once + "\n--- twice\n" + twice;
        var before = NetDslCompiler.Compile(text, "f.netdsl");
        var after = NetDslCompiler.Compile(once, "f.netdsl");
        string b = Diagnostics(before), a = Diagnostics(after);
        if (a != b) return "diagnostics differ:\n--- before\n" + b + "\n--- after\n" + a + "\n--- formatted\n" + once;
        if (ModelText.Of(before.PartialModel) != ModelText.Of(after.PartialModel)) return "models differ\n--- formatted\n" + once;
        return null;
    }

    private static readonly Regex LineNumber = new(@"line \d+", RegexOptions.Compiled);

    private static string Diagnostics(CompilationResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => d.Id + " " + d.Severity + " " + LineNumber.Replace(d.Message, "line N")));

    // Drops characters while the input still breaks a promise: the smallest counterexample is the readable one.
    private static string Shrink(string text)
    {
        for (int size = Math.Max(1, text.Length / 2); size >= 1; size /= 2)
        {
            for (int at = 0; at + size <= text.Length;)
            {
                string smaller = text.Remove(at, size);
                if (Violation(smaller) is not null) text = smaller;
                else at += size;
            }
        }
        return text;
    }
}

using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Text;
using NUnit.Framework;

namespace NetDsl.Tests.Diagnostics;

/// <summary>Messages and fix hints are filled completely, never throw, and stay readable whatever the input.</summary>
public class MessageTextTests
{
    public static System.Collections.Generic.IEnumerable<DiagnosticExample> Examples => DiagnosticExamples.All;

    [TestCaseSource(nameof(Examples))]
    public void No_reported_message_or_fix_holds_an_unfilled_placeholder(DiagnosticExample example)
    {
        foreach (var text in new[] { example.BadText, example.Good })
        {
            var result = NetDslCompiler.Compile(text, "x.netdsl", example.Overrides);
            foreach (var d in result.Diagnostics)
                Assert.That(MessageText.HasPlaceholder(d.MessageWithFix), Is.False, result.Format(d));
        }
    }

    [Test]
    public void Every_fix_that_uses_a_value_has_it_from_every_report()
    {
        // Fill each definition with as many values as its message uses: a fix may not use one the message does not get.
        foreach (var d in DiagnosticDefinitions.All)
        {
            int used = Enumerable.Range(0, 10).Count(i => d.MessageFormat.Contains("{" + i + "}"));
            int fixUses = Enumerable.Range(0, 10).Where(i => d.Fix.Contains("{" + i + "}")).DefaultIfEmpty(-1).Max();
            Assert.That(fixUses, Is.LessThan(System.Math.Max(used, 4)), d.Id + ": its fix uses a value the message does not");
        }
    }

    [Test]
    public void The_reference_shows_no_raw_placeholder() =>
        Assert.That(MessageText.HasPlaceholder(DiagnosticsReference.Render()), Is.False);

    [Test]
    public void Literal_braces_stay_and_missing_values_never_throw()
    {
        Assert.That(MessageText.Fill("every '{' needs a '}' ({0})", new object?[] { "x" }), Is.EqualTo("every '{' needs a '}' (x)"));
        Assert.That(MessageText.Fill("{0} and {1}", new object?[] { "a" }), Is.EqualTo("a and {1}"));
        Assert.That(MessageText.Fill("{x} {} {00}", new object?[] { "a" }), Is.EqualTo("{x} {} a"));
    }

    [Test]
    public void A_long_token_is_cut_to_its_start_and_length_and_a_sentence_is_kept()
    {
        string token = new string('a', 5000);
        Assert.That(MessageText.Cut(token), Is.EqualTo(new string('a', 40) + "… (5000 characters)"));
        string sentence = string.Join(" ", Enumerable.Repeat("word", 50));    // 249 characters with spaces: a reason, a list
        Assert.That(MessageText.Cut(sentence), Is.EqualTo(sentence));
        Assert.That(MessageText.Cut(string.Join(" ", Enumerable.Repeat("word", 500))), Does.EndWith("… (2499 characters)"));
        var d = NetDslDiagnostic.Create(DiagnosticDefinitions.InvalidName, SourceSpan.InFile(0, 1), token, "container", "too long");
        Assert.That(d.Message.Length, Is.LessThan(200));
    }

    [Test]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        string token = new string('a', 39) + "😀" + new string('b', 100);
        Assert.That(MessageText.Cut(token), Does.StartWith(new string('a', 39) + "…"));
    }
}

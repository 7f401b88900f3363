using NetDsl.Targets.Diagrams;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>Escaping, character by character (the renderer tests prove the same through Mermaid and Graphviz).</summary>
public class DiagramTextTests
{
    [TestCase("ethernet1/1.999", "ethernet1/1.999")]
    [TestCase("fe80::1%eth0", "fe80::1#37;eth0")]
    [TestCase("a\"b", "a#34;b")]
    [TestCase("x;y#z", "x#59;y#35;z")]
    [TestCase("<br/>", "#60;br/#62;")]
    [TestCase("`", "#96;")]
    [TestCase("a|b[c]{d}", "a#124;b#91;c#93;#123;d#125;")]
    [TestCase("zone → 名前", "zone → 名前")]
    [TestCase("a\nb", "a#92;nb")]
    [TestCase("\u202E", "#8238;")]
    [TestCase("𝔘", "𝔘")]
    public void Mermaid(string text, string escaped) => Assert.That(DiagramText.Mermaid(text), Is.EqualTo(escaped));

    [TestCase("ethernet1/1.999", "ethernet1/1.999")]
    [TestCase("fe80::1%eth0", "fe80::1%eth0")]
    [TestCase("a\"b", "a\\\"b")]
    [TestCase("\\N", "\\\\N")]
    [TestCase("&amp;", "&amp;amp;")]
    [TestCase("a\tb", "a\\\\tb")]
    [TestCase("\u202E", "&#8238;")]
    public void Dot(string text, string escaped) => Assert.That(DiagramText.Dot(text), Is.EqualTo(escaped));

    [TestCase("plain", "`plain`")]
    [TestCase("br_ipv6_nw", "`br_ipv6_nw`")]
    [TestCase("a`b", "``a`b``")]
    [TestCase("`x", "`` `x ``")]
    public void Markdown_code_span(string text, string span) => Assert.That(MarkdownText.Code(text), Is.EqualTo(span));
}

using System.Net;
using System.Text.RegularExpressions;

namespace NetDsl.Diagrams.Tests.Renderers;

/// <summary>The text a person sees in an SVG (labels in &lt;text&gt; and in HTML &lt;foreignObject&gt; alike), with white space collapsed.</summary>
public static class SvgText
{
    private static readonly Regex Hidden = new("<(style|title|desc|script)[^>]*>.*?</\\1>|<!--.*?-->", RegexOptions.Singleline);
    private static readonly Regex Tag = new("<[^>]+>");
    private static readonly Regex Space = new("\\s+");

    public static string Of(string svg)
    {
        string text = Tag.Replace(Hidden.Replace(svg, " "), " ");
        return Normalise(WebUtility.HtmlDecode(text));
    }

    /// <summary>White space collapsed to single spaces (labels wrap, renderers put lines in separate elements).</summary>
    public static string Normalise(string text) => Space.Replace(text.Replace('\u00a0', ' '), " ").Trim();
}

using System.Linq;

namespace NetDsl.Targets.Diagrams;

/// <summary>Text inside Markdown written by NetDsl (topology.md).</summary>
public static class MarkdownText
{
    /// <summary>
    /// A code span that shows <paramref name="text"/> literally: names such as <c>br_ipv6_nw</c> would otherwise turn
    /// into emphasis. The fence is one backtick longer than the longest run inside, as CommonMark allows.
    /// </summary>
    public static string Code(string text)
    {
        text = DiagramText.Visible(text);
        int longest = 0, run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        string fence = new('`', longest + 1);
        bool pad = text.StartsWith('`') || text.EndsWith('`') || text.Length == 0 || text.All(c => c == ' ');
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }
}

using System.Globalization;
using System.Text;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// Label text for Mermaid and DOT. Unlike a configuration line (<see cref="ConfigText"/>), a label can show any
/// name, so nothing is refused: each notation gets its own escaping, and a character neither can carry (a control
/// character) is shown as its escape (<c>\n</c>, <c>\u0001</c>), as diagnostics show it. Tests feed hostile names
/// through the real renderers and find them, character for character, in the drawing.
/// </summary>
public static class DiagramText
{
    /// <summary>
    /// Mermaid: every character outside a plain set becomes an entity code (<c>#37;</c> for '%', <c>#quot;</c>-style
    /// codes are Mermaid's own), which Mermaid decodes after parsing, in flowchart labels, edge labels, participant
    /// names, messages and notes alike. That covers what its grammars read: quotes, '|', brackets, ';' (a sequence
    /// statement end), '#' (an entity start), '%' (comments and directives), '&lt;' (HTML), and the backtick, so a
    /// diagram can never close the Markdown fence around it.
    /// </summary>
    public static string Mermaid(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var rune in Visible(text).EnumerateRunes())
        {
            int c = rune.Value;
            if (c < 0x80 ? IsPlainAscii((char)c) : IsPrintable(rune)) sb.Append(rune.ToString());
            else sb.Append('#').Append(c.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
        return sb.ToString();
    }

    /// <summary>
    /// DOT, inside a double-quoted string: '\' and '"' take a backslash (so <c>\N</c>, <c>\G</c>, <c>\l</c> keep no
    /// special meaning), and '&amp;' becomes <c>&amp;amp;</c> because Graphviz decodes entity references in labels.
    /// </summary>
    public static string Dot(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var rune in Visible(text).EnumerateRunes())
        {
            int c = rune.Value;
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '&': sb.Append("&amp;"); break;
                default:
                    if (c < 0x80 || IsPrintable(rune)) sb.Append(rune.ToString());
                    else sb.Append("&#").Append(c.ToString(CultureInfo.InvariantCulture)).Append(';');
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Control characters (and lone surrogates) as visible escapes; everything else unchanged.</summary>
    public static string Visible(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) });
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsPlainAscii(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is ' ' or '_' or '.' or '-' or '/' or ':' or ',' or '(' or ')' or '+' or '=' or '*' or '\'' or '!' or '?' or '@' or '$' or '~' or '^';

    // Letters, digits, punctuation and symbols of any script are shown as they are; invisible and formatting
    // characters (bidi controls, zero-width joiners, separators) are written as codes so a label cannot hide text.
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}

using System.Globalization;
using System.Text;

namespace NetDsl.Generators.Emit;

/// <summary>C# literals for values taken from a .netdsl file: whatever the text holds, the literal stays one token.</summary>
internal static class CSharpLiteral
{
    public static string String(string? value)
    {
        if (value is null) return "null";
        if (IsPlain(value)) return "\"" + value + "\"";
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    // Names and images are almost always plain: skip the escaping loop's StringBuilder for them.
    private static bool IsPlain(string value)
    {
        foreach (char c in value)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\') return false;
        }
        return true;
    }

    /// <summary>A verbatim string for embedding a whole file readably (only '"' needs doubling).</summary>
    public static string Verbatim(string value)
    {
        foreach (char c in value)
        {
            // Control characters and lone surrogates would not survive the source file readably (or at all).
            if ((char.IsControl(c) && c != '\r' && c != '\n' && c != '\t') || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                return String(value);
        }
        return "@\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Hex without a suffix: the helpers take ulong, and a literal above long.MaxValue is ulong already.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>Text safe inside an XML doc comment and a // comment (no line breaks, no markup).</summary>
    public static string Comment(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '<') sb.Append("&lt;");
            else if (c == '>') sb.Append("&gt;");
            else if (c == '&') sb.Append("&amp;");
            else if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString().Replace("*/", "* /");
    }
}

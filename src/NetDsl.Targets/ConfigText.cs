using System.Globalization;

namespace NetDsl.Targets;

/// <summary>
/// The one check every value passes before it reaches an IOS, PAN-OS or nftables line. Those formats are
/// line- and token-based: a newline starts a new command, a quote, ';', '{', '}', '#', '!' or a space changes
/// how the rest of the line is read. Rather than list the dangerous characters, this allows only what names
/// and addresses legitimately use (ASCII letters, digits and <c>_ . - / : %</c>), so a character nobody
/// thought of is refused too. The binder already restricts names; this is the second line of defence for
/// anything that slips through (a future setting, a hand-built model).
/// </summary>
public static class ConfigText
{
    /// <summary>Null when <paramref name="value"/> is safe; otherwise a short description of the first unsafe character.</summary>
    public static string? FindUnsafe(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "nothing (an empty value)";
        foreach (char c in value!)
        {
            if (IsAllowed(c)) continue;
            return Describe(c);
        }
        return null;
    }

    public static bool IsSafe(string? value) => FindUnsafe(value) is null;

    /// <summary>The value with control characters made visible, for messages (a raw newline would break the diagnostic line itself).</summary>
    public static string Visible(string? value)
    {
        if (value is null) return "";
        var sb = new System.Text.StringBuilder(value.Length);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool IsAllowed(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '.' or '-' or '/' or ':' or '%';

    private static string Describe(char c) => c switch
    {
        '\n' => "a newline",
        '\r' => "a carriage return",
        '\t' => "a tab",
        ' ' => "a space",
        '"' => "a double quote",
        '\'' => "a single quote",
        _ when char.IsControl(c) => "the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ when c > '~' => "the non-ASCII character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => "'" + c + "'",
    };
}

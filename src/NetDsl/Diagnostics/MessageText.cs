using System;
using System.Globalization;
using System.Text;

namespace NetDsl.Diagnostics;

/// <summary>
/// Fills a message or fix format's {0}, {1}… with an occurrence's values. Only <c>{digits}</c> is a placeholder, so
/// formats may hold literal braces ("every '{' needs a '}'") and nothing here can throw. A token (a value without
/// white space: a name, an address, a word) longer than <see cref="MaxTokenLength"/> characters, and any value longer
/// than <see cref="MaxValueLength"/> (a list, a sentence), is cut to its start and its length: a 5 MB name or pasted line
/// still gives a message of one readable line.
/// </summary>
public static class MessageText
{
    /// <summary>The longest token a message quotes whole; a longer one keeps <see cref="KeptTokenLength"/> characters.</summary>
    public const int MaxTokenLength = 80;

    public const int KeptTokenLength = 40;

    /// <summary>The longest value with white space (a list of names, a reason) quoted whole; a longer one keeps <see cref="KeptValueLength"/>.</summary>
    public const int MaxValueLength = 400;

    public const int KeptValueLength = 200;

    public static string Fill(string format, object?[] args)
    {
        if (format.IndexOf('{') < 0) return format;
        var sb = new StringBuilder(format.Length + 32);
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            if (c == '{')
            {
                int j = i + 1;
                while (j < format.Length && format[j] >= '0' && format[j] <= '9') j++;
                if (j > i + 1 && j < format.Length && format[j] == '}'
                    && int.TryParse(format.Substring(i + 1, j - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    && index < args.Length)
                {
                    sb.Append(Cut(Convert.ToString(args[index], CultureInfo.InvariantCulture) ?? ""));
                    i = j + 1;
                    continue;
                }
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>The value, or its start and how long it is (see <see cref="MessageText"/>).</summary>
    public static string Cut(string value)
    {
        if (value.Length <= MaxTokenLength) return value;
        int keep;
        if (!HasWhiteSpace(value)) keep = KeptTokenLength;
        else if (value.Length > MaxValueLength) keep = KeptValueLength;
        else return value;
        if (char.IsHighSurrogate(value[keep - 1])) keep--;     // never split a surrogate pair
        return value.Substring(0, keep) + "… (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }

    private static bool HasWhiteSpace(string value)
    {
        // Only the part a cut would keep matters: a 5 MB token with a space at its end is still one token to read.
        for (int i = 0; i < value.Length && i <= MaxValueLength; i++)
            if (char.IsWhiteSpace(value[i])) return true;
        return false;
    }

    /// <summary>A format as the reference documents it: ‹0› for each value.</summary>
    public static string Documented(string format) =>
        System.Text.RegularExpressions.Regex.Replace(format, @"\{([0-9]+)\}", "‹$1›", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="text"/> still holds a {digits} placeholder.</summary>
    public static bool HasPlaceholder(string text)
    {
        for (int i = text.IndexOf('{'); i >= 0; i = text.IndexOf('{', i + 1))
        {
            int j = i + 1;
            while (j < text.Length && text[j] >= '0' && text[j] <= '9') j++;
            if (j > i + 1 && j < text.Length && text[j] == '}') return true;
        }
        return false;
    }
}

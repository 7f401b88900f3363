using System.Collections.Generic;
using System.Text;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// Splits a PAN-OS statement into words: double-quoted strings are one word (quotes removed), "[" and "]" are words
/// of their own, ';' ends the statement. <see cref="ReadValues"/> reads a value that may be a bracketed list.
/// </summary>
internal static class PanosTokens
{
    public static bool TrySplit(string text, out List<string> tokens, out string? error)
    {
        tokens = new List<string>();
        error = null;
        var word = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close < 0) { error = "A quoted value has no closing quote."; return false; }
                word.Append(text, i + 1, close - i - 1);
                i = close;
                // An empty quoted string is still a word.
                if (word.Length == 0) tokens.Add("");
                continue;
            }
            if (char.IsWhiteSpace(c) || c is '[' or ']' or ';')
            {
                if (word.Length > 0) { tokens.Add(word.ToString()); word.Clear(); }
                if (c is '[' or ']') tokens.Add(c.ToString());
                continue;
            }
            word.Append(c);
        }
        if (word.Length > 0) tokens.Add(word.ToString());
        int depth = 0;
        foreach (var token in tokens)
        {
            if (token == "[") depth++;
            else if (token == "]" && --depth < 0) break;
        }
        if (depth != 0) { error = "Unbalanced '[' and ']'."; return false; }
        return true;
    }

    /// <summary>The value at <paramref name="index"/>: one word, or the words of a "[ … ]" list. Advances past it.</summary>
    public static List<string> ReadValues(List<string> tokens, ref int index)
    {
        var values = new List<string>();
        if (index >= tokens.Count) return values;
        if (tokens[index] != "[")
        {
            values.Add(tokens[index++]);
            return values;
        }
        index++;
        while (index < tokens.Count && tokens[index] != "]") values.Add(tokens[index++]);
        if (index < tokens.Count) index++;
        return values;
    }
}

using System.Collections.Generic;
using NetDsl.Syntax;

namespace NetDsl.Formatting;

/// <summary>
/// Cuts a range of text into <see cref="FormatToken"/>s, keeping what the parser throws away (comments, ';',
/// line breaks). It reads words, strings and '->' exactly as <see cref="NodeGrammar"/> does; the formatter only
/// lexes statements the parser accepted, and re-parses what it prints, so a disagreement can never change a file.
/// </summary>
internal static class FormatLexer
{
    /// <param name="trailingNewlines">Line breaks after the last token (a gap's line breaks before the next statement).</param>
    public static List<FormatToken> Lex(string text, int start, int end, out int trailingNewlines)
    {
        var tokens = new List<FormatToken>();
        int newlines = 0;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c == '\n' || c == '\r')
            {
                newlines++;
                i += c == '\r' && i + 1 < end && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int tokenStart = i;
            FormatTokenKind kind;
            switch (c)
            {
                case '#':
                    while (i < end && text[i] != '\n' && text[i] != '\r') i++;
                    kind = FormatTokenKind.Comment;
                    break;
                case '"':
                    i++;
                    while (i < end && text[i] != '"' && text[i] != '\n' && text[i] != '\r') i += text[i] == '\\' && i + 1 < end ? 2 : 1;
                    if (i < end && text[i] == '"') i++;
                    kind = FormatTokenKind.String;
                    break;
                case '{':
                case '[':
                    i++;
                    kind = FormatTokenKind.Open;
                    break;
                case '}':
                case ']':
                    i++;
                    kind = FormatTokenKind.Close;
                    break;
                case '=':
                    i++;
                    kind = FormatTokenKind.Equals;
                    break;
                case ',':
                    i++;
                    kind = FormatTokenKind.Comma;
                    break;
                case ';':
                    i++;
                    kind = FormatTokenKind.Semicolon;
                    break;
                case '-' when i + 1 < end && text[i + 1] == '>':
                    i += 2;
                    kind = FormatTokenKind.Arrow;
                    break;
                default:
                    while (i < end && !NodeGrammar.IsDelimiter(text[i]) && !(text[i] == '-' && i + 1 < end && text[i + 1] == '>')) i++;
                    kind = FormatTokenKind.Word;
                    break;
            }
            tokens.Add(new FormatToken(kind, tokenStart, i, newlines));
            newlines = 0;
        }
        trailingNewlines = newlines;
        return tokens;
    }
}

using System.Collections.Generic;

namespace NetDsl.Formatting;

/// <summary>What <see cref="Tokens.Lex"/> reports: the parser's tokens, comments, and where a top-level statement ends.</summary>
public enum TokenKind
{
    Word,
    String,
    Open,
    Close,
    Arrow,
    Equals,
    Comma,
    Comment,
    /// <summary>A line break or ';' outside any bracket: the statement before it is over.</summary>
    StatementEnd,
}

/// <summary>
/// The tokens of any text, even one that does not parse (what an editor reads while a line is typed): words, strings
/// and '->' as the parser reads them, brackets, comments, and statement ends.
/// </summary>
public static class Tokens
{
    public static IEnumerable<(TokenKind Kind, string Text)> Lex(string text, int start, int end)
    {
        int depth = 0;
        var tokens = FormatLexer.Lex(text ?? string.Empty, start, end, out int trailing);
        foreach (var token in tokens)
        {
            if (token.NewlinesBefore > 0 && depth == 0) yield return (TokenKind.StatementEnd, "\n");
            string value = text!.Substring(token.Start, token.End - token.Start);
            switch (token.Kind)
            {
                case FormatTokenKind.Semicolon:
                    if (depth == 0) yield return (TokenKind.StatementEnd, ";");
                    continue;
                case FormatTokenKind.Open: depth++; yield return (TokenKind.Open, value); continue;
                case FormatTokenKind.Close: if (depth > 0) depth--; yield return (TokenKind.Close, value); continue;
                case FormatTokenKind.Word: yield return (TokenKind.Word, value); continue;
                case FormatTokenKind.String: yield return (TokenKind.String, value); continue;
                case FormatTokenKind.Arrow: yield return (TokenKind.Arrow, value); continue;
                case FormatTokenKind.Equals: yield return (TokenKind.Equals, value); continue;
                case FormatTokenKind.Comma: yield return (TokenKind.Comma, value); continue;
                default: yield return (TokenKind.Comment, value); continue;
            }
        }
        if (trailing > 0 && depth == 0) yield return (TokenKind.StatementEnd, "\n");
    }
}

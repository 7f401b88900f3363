using System.Collections.Generic;
using System.Linq;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>
/// Where a cursor stands, read from the text before it (the file may not parse while it is typed): the statement,
/// the block and the setting it is in, the device whose block it is, the word before it, and the word being typed.
/// </summary>
public sealed record CompletionContext(
    string? Statement,
    string Device,
    Block? Block,
    SettingShape? Setting,
    string? PreviousWord,
    bool AfterComma,
    bool AfterArrow,
    bool AtStatementStart,
    int PrefixStart,
    string Prefix)
{
    public static CompletionContext At(string text, int offset)
    {
        int prefixStart = offset;
        while (prefixStart > 0 && !NodeGrammar.IsDelimiter(text[prefixStart - 1]) && !(text[prefixStart - 1] == '>' && prefixStart > 1 && text[prefixStart - 2] == '-')) prefixStart--;
        string prefix = text.Substring(prefixStart, offset - prefixStart);
        int start = StatementStart(text, prefixStart);
        var tokens = NetDsl.Formatting.Tokens.Lex(text, start, prefixStart);

        string? statement = null, device = "", previous = null;
        bool comma = false, arrow = false;
        var blocks = new Stack<(Block? Block, SettingShape? Setting)>();
        SettingShape? setting = null;
        Block? block = null;
        foreach (var (kind, word) in tokens)
        {
            comma = kind == NetDsl.Formatting.TokenKind.Comma;
            arrow = kind == NetDsl.Formatting.TokenKind.Arrow;
            switch (kind)
            {
                case NetDsl.Formatting.TokenKind.StatementEnd:
                    statement = null; device = ""; setting = null; block = null; blocks.Clear(); previous = null;
                    continue;
                case NetDsl.Formatting.TokenKind.Open when word == "{":
                    blocks.Push((block, setting));
                    block = setting?.Body;
                    setting = null;
                    previous = null;
                    continue;
                case NetDsl.Formatting.TokenKind.Close when word == "}":
                    if (blocks.Count > 0) (block, setting) = blocks.Pop();
                    previous = null;
                    continue;
                case NetDsl.Formatting.TokenKind.Word:
                    if (statement is null && blocks.Count == 0)
                    {
                        statement = word;
                        setting = Shapes.TopLevel.FirstOrDefault(s => s.Keyword == word);
                    }
                    else if (statement is not null && blocks.Count == 0 && device.Length == 0 && previous == statement)
                    {
                        device = word;
                    }
                    else if (block?.Settings.FirstOrDefault(s => s.Keyword == word) is { } found)
                    {
                        setting = found;
                    }
                    previous = word;
                    continue;
            }
        }
        return new CompletionContext(statement, device, block, setting, previous, comma, arrow, statement is null, prefixStart, prefix);
    }

    /// <summary>Where the statement around an offset starts: the last line before it that starts in column 1 with a statement keyword.</summary>
    private static int StatementStart(string text, int offset)
    {
        int lineStart = offset;
        while (true)
        {
            while (lineStart > 0 && text[lineStart - 1] != '\n' && text[lineStart - 1] != '\r') lineStart--;
            if (lineStart == 0) return 0;
            foreach (var keyword in Shapes.TopLevelKeywords)
            {
                if (string.CompareOrdinal(text, lineStart, keyword, 0, keyword.Length) == 0
                    && (lineStart + keyword.Length == text.Length || char.IsWhiteSpace(text[lineStart + keyword.Length])))
                    return lineStart;
            }
            lineStart--;
        }
    }
}

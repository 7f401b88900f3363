using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>A top-level statement's text range, found before any real parsing.</summary>
/// <summary><see cref="Broken"/>: an error was already reported inside it, so it is not parsed further.</summary>
public readonly record struct StatementChunk(int Start, int End, bool Broken);

/// <summary>
/// Splits a file into top-level statements by scanning braces, brackets, strings and comments. Each chunk is
/// then parsed on its own, which gives error recovery (one broken block does not hide the rest), lets large
/// files be parsed block by block, and reports unbalanced braces and unterminated strings at the exact place.
/// A statement ends at a newline or ';' outside any bracket. An unclosed block is cut where a line starts
/// (in column 1) with a top-level keyword, so the next statement still parses.
/// </summary>
public static class StatementSplitter
{
    public static List<StatementChunk> Split(FileText source, ICollection<NetDslDiagnostic> diagnostics)
    {
        string text = source.Text;
        var chunks = new List<StatementChunk>();
        var openers = new Stack<int>();
        int start = -1;
        bool broken = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
                continue;
            }
            if (c == '\n' || c == '\r' || c == ';')
            {
                if (openers.Count == 0 && start >= 0)
                {
                    chunks.Add(new StatementChunk(start, i, broken));
                    start = -1;
                    broken = false;
                }
                else if (openers.Count > 0 && c != ';' && StartsTopLevelStatement(text, i + 1))
                {
                    // A top-level keyword in column 1 inside an open block: the block was never closed.
                    foreach (var open in openers)
                        diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.UnbalancedBrace, SourceSpan.InFile(open, 1),
                            $"'{text[open]}' is never closed (the next statement starts at line {source.GetPosition(i + 1).Line})"));
                    openers.Clear();
                    chunks.Add(new StatementChunk(start, i, true));
                    start = -1;
                    broken = false;
                }
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (start < 0) start = i;
            switch (c)
            {
                case '"':
                    int close = FindStringEnd(text, i);
                    if (close < 0)
                    {
                        diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.UnterminatedString, SourceSpan.InFile(i, 1)));
                        int lineEnd = i;
                        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r') lineEnd++;
                        // Keep scanning after the line; parsing this statement would only repeat the error.
                        broken = true;
                        i = lineEnd;
                        continue;
                    }
                    i = close + 1;
                    continue;
                case '{':
                case '[':
                    openers.Push(i);
                    break;
                case '}':
                case ']':
                    char expected = c == '}' ? '{' : '[';
                    if (openers.Count == 0 || text[openers.Peek()] != expected)
                    {
                        diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.UnbalancedBrace, SourceSpan.InFile(i, 1),
                            openers.Count == 0 ? $"'{c}' has no matching '{expected}'" : $"'{c}' closes '{text[openers.Peek()]}' opened at line {source.GetPosition(openers.Peek()).Line}"));
                        broken = true;
                        i++;
                        continue;
                    }
                    openers.Pop();
                    break;
            }
            i++;
        }
        if (openers.Count > 0)
        {
            foreach (var open in openers)
                diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.UnbalancedBrace, SourceSpan.InFile(open, 1), $"'{text[open]}' is never closed"));
        }
        if (start >= 0)
            chunks.Add(new StatementChunk(start, text.Length, broken || openers.Count > 0));
        return chunks;
    }

    private static int FindStringEnd(string text, int quote)
    {
        for (int j = quote + 1; j < text.Length; j++)
        {
            char c = text[j];
            if (c == '\\') { j++; continue; }
            if (c == '"') return j;
            if (c == '\n' || c == '\r') return -1;
        }
        return -1;
    }

    private static bool StartsTopLevelStatement(string text, int lineStart)
    {
        if (lineStart < text.Length && text[lineStart] == '\n') lineStart++;
        foreach (var keyword in Shapes.TopLevelKeywords)
        {
            if (string.CompareOrdinal(text, lineStart, keyword, 0, keyword.Length) == 0)
            {
                int after = lineStart + keyword.Length;
                if (after < text.Length && (text[after] == ' ' || text[after] == '\t')) return true;
            }
        }
        return false;
    }
}

using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.Formatting;

/// <summary>What formatting made of a file, and how many statements it left as written because they do not parse.</summary>
public sealed record FormatResult(string Text, int StatementsLeftAsWritten);

/// <summary>
/// The one layout of a .netdsl file (<c>netdsl fmt</c> and the language server's formatting both call this).
/// Statements keep their order, their line breaks at the top level and every comment; blank lines between them shrink
/// to at most one; each statement is laid out by <see cref="StatementPrinter"/>. A statement with a syntax error is
/// copied as written. Idempotent: formatting formatted text changes nothing.
/// </summary>
public static class NetDslFormatter
{
    public static FormatResult Format(string text)
    {
        text ??= string.Empty;
        var chunks = StatementSplitter.Split(new FileText(text), new List<NetDslDiagnostic>());
        var writer = new Writer();
        int position = 0, leftAsWritten = 0;
        foreach (var chunk in chunks)
        {
            writer.Gap(text, position, chunk.Start);
            var lines = chunk.Broken ? null : StatementPrinter.Print(text, chunk);
            int end = chunk.End;
            if (lines is null)
            {
                // Blank lines at the end of a broken statement (an unclosed block runs to the end of the file) are left
                // to the gap that follows, which lays them out like any other. The last line keeps its trailing blanks:
                // "let " in column 1 ends an unclosed block where "let" would not.
                end = chunk.Start;
                for (int i = chunk.Start; i < chunk.End; i++) if (!char.IsWhiteSpace(text[i])) end = i + 1;
                while (end < chunk.End && text[end] is ' ' or '\t') end++;
                writer.Verbatim(text, chunk.Start, end);
                leftAsWritten++;
            }
            else
            {
                writer.Statement(lines);
            }
            position = end;
        }
        writer.Gap(text, position, text.Length);
        return new FormatResult(writer.ToText(), leftAsWritten);
    }

    /// <summary>Assembles statements and what lies between them (comments, blank lines, ';') into lines.</summary>
    private sealed class Writer
    {
        private readonly List<OutputLine> _lines = new();
        private OutputLine? _current;      // the line a statement on the same line would join (after "; ")
        private int _newlines;             // line breaks seen since the last output

        public void Gap(string text, int start, int end)
        {
            var tokens = FormatLexer.Lex(text, start, end, out int trailing);
            foreach (var token in tokens)
            {
                _newlines += token.NewlinesBefore;
                if (token.Kind != FormatTokenKind.Comment) continue;   // ';' ends a statement; joining puts it back
                string comment = text.Substring(token.Start, token.End - token.Start).TrimEnd();
                if (_newlines == 0 && _current is { Comment: null } line && line.Code.Length > 0)
                {
                    if (line.Verbatim) line.Code.Append("  ").Append(comment);
                    else line.Comment = comment;
                }
                else
                {
                    StartLine().Comment = comment;
                }
                _newlines = 0;
            }
            _newlines += trailing;
        }

        public void Statement(List<OutputLine> lines)
        {
            var first = JoinOrStartLine();
            first.Code.Append(lines[0].Code);
            first.Comment = lines[0].Comment;
            for (int i = 1; i < lines.Count; i++) _lines.Add(lines[i]);
            _current = _lines[_lines.Count - 1];
        }

        public void Verbatim(string text, int start, int end)
        {
            string[] parts = text.Substring(start, end - start).Replace("\r\n", "\n").Split('\n');
            var first = JoinOrStartLine();
            if (!first.Verbatim)
            {
                first.Code.Insert(0, new string(' ', first.Indent));
                first.Indent = 0;
                first.Verbatim = true;
            }
            first.Code.Append(parts[0]);
            for (int i = 1; i < parts.Length; i++)
            {
                var line = new OutputLine { Verbatim = true };
                line.Code.Append(parts[i]);
                _lines.Add(line);
            }
            _current = _lines[_lines.Count - 1];
        }

        // A statement after ';' on the same line as the previous one stays there.
        private OutputLine JoinOrStartLine()
        {
            if (_newlines > 0 || _current is null) return StartLine();
            _current.Code.Append("; ");
            return _current;
        }

        private OutputLine StartLine()
        {
            if (_newlines >= 2 && _lines.Count > 0 && !_lines[_lines.Count - 1].IsBlank) _lines.Add(new OutputLine());
            _newlines = 0;
            _current = new OutputLine();
            _lines.Add(_current);
            return _current;
        }

        public string ToText() => OutputLine.Render(_lines);
    }
}

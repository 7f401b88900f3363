using System.Collections.Generic;
using System.Linq;
using NetDsl.Syntax;

namespace NetDsl.Formatting;

/// <summary>
/// Lays out one statement that parsed without a diagnostic. The rules:
/// <list type="bullet">
/// <item>one space between tokens; two before a setting that shares a line with the one before it
/// (<c>{ image X  tty }</c>); <c>{ a }</c>, <c>[a, b]</c>, <c>on a, b</c>; ';' inside brackets is dropped;</item>
/// <item>a bracket written on one line stays on one line; one that spans lines (or holds a comment) opens its line,
/// gets its content indented two spaces a level and closes on a line of its own; inside it the author's line breaks
/// are kept, with at most one blank line;</item>
/// <item>comments are kept where they are, a trailing one two spaces after the code (aligned with its neighbours).</item>
/// </list>
/// Line breaks at the top level end a statement, so they are never added or removed there.
/// </summary>
internal static class StatementPrinter
{
    /// <summary>The statement's lines, or null when the layout would not parse back to the same syntax (then it is left as written).</summary>
    public static List<OutputLine>? Print(string text, StatementChunk chunk)
    {
        var original = Parse(text.Substring(chunk.Start, chunk.End - chunk.Start));
        if (original is null) return null;
        var settingStarts = new HashSet<int>();
        CollectSettingStarts(original.Body, chunk.Start, settingStarts);

        var tokens = WithoutSemicolons(FormatLexer.Lex(text, chunk.Start, chunk.End, out _));
        var lines = Layout(text, tokens, settingStarts);
        var reparsed = Parse(Flatten(lines));
        return reparsed is not null && SyntaxShape.Describe(reparsed) == SyntaxShape.Describe(original) ? lines : null;
    }

    // Spans of a statement parsed on its own are measured from its first character.
    private static SettingSyntax? Parse(string statement)
    {
        var parsed = SyntaxParser.ParseStatement(statement, default);
        return parsed.Diagnostics.Count == 0 ? parsed.Statement : null;
    }

    // Settings inside blocks (not the statement's own keyword), including a mapping line's implied keyword.
    private static void CollectSettingStarts(IEnumerable<SettingSyntax> settings, int offset, HashSet<int> into)
    {
        foreach (var s in settings)
        {
            into.Add(offset + s.Keyword.Span.Start);
            CollectSettingStarts(s.Body, offset, into);
        }
    }

    // ';' inside brackets is white space to the parser: dropped, its line breaks passed on to the next token.
    private static List<FormatToken> WithoutSemicolons(List<FormatToken> tokens)
    {
        var kept = new List<FormatToken>(tokens.Count);
        int carried = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == FormatTokenKind.Semicolon) { carried += t.NewlinesBefore; continue; }
            kept.Add(carried == 0 ? t : t with { NewlinesBefore = t.NewlinesBefore + carried });
            carried = 0;
        }
        return kept;
    }

    private static List<OutputLine> Layout(string text, List<FormatToken> tokens, HashSet<int> settingStarts)
    {
        var (partner, expanded) = Brackets(tokens);
        var lines = new List<OutputLine>();
        var current = new OutputLine();
        lines.Add(current);
        int depth = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string tokenText = text.Substring(token.Start, token.End - token.Start);
            if (i > 0)
            {
                var previous = tokens[i - 1];
                if (token.Kind == FormatTokenKind.Comment && token.NewlinesBefore == 0 && current.Code.Length > 0)
                {
                    current.Comment = tokenText.TrimEnd();
                    continue;
                }
                bool isClose = token.Kind == FormatTokenKind.Close;
                bool forced = current.Comment is not null
                    || (previous.Kind == FormatTokenKind.Open && expanded[i - 1])
                    || (isClose && expanded[partner[i]])
                    || (previous.Kind == FormatTokenKind.Close && expanded[partner[i - 1]]);
                // A block opens on its setting's line, wherever the author put the brace.
                bool newLine = forced || (token.NewlinesBefore > 0 && token.Kind != FormatTokenKind.Open);
                if (isClose) depth--;
                if (newLine)
                {
                    if (token.NewlinesBefore >= 2 && previous.Kind != FormatTokenKind.Open && !isClose) lines.Add(new OutputLine());
                    current = new OutputLine { Indent = 2 * depth };
                    lines.Add(current);
                }
                else
                {
                    current.Code.Append(Separator(text, previous, token, settingStarts));
                }
            }
            if (token.Kind == FormatTokenKind.Comment) current.Comment = tokenText.TrimEnd();
            else current.Code.Append(tokenText);
            if (token.Kind == FormatTokenKind.Open) depth++;
        }
        return lines;
    }

    private static string Separator(string text, FormatToken previous, FormatToken token, HashSet<int> settingStarts)
    {
        if (token.Kind == FormatTokenKind.Comma) return "";
        if (previous.Kind == FormatTokenKind.Open) return text[previous.Start] == '[' ? "" : " ";
        if (token.Kind == FormatTokenKind.Close) return text[token.Start] == ']' ? "" : " ";
        return settingStarts.Contains(token.Start) ? "  " : " ";
    }

    /// <summary>Each bracket's partner, and whether it is laid out over several lines (it spans a line break or holds a comment).</summary>
    private static (int[] Partner, bool[] Expanded) Brackets(List<FormatToken> tokens)
    {
        var partner = new int[tokens.Count];
        var expanded = new bool[tokens.Count];
        var open = new Stack<int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.NewlinesBefore > 0 || t.Kind == FormatTokenKind.Comment)
            {
                // A break before an opening bracket is outside it (the bracket joins its setting's line).
                foreach (int o in open) { if (o != i) expanded[o] = true; }
            }
            if (t.Kind == FormatTokenKind.Open) open.Push(i);
            else if (t.Kind == FormatTokenKind.Close && open.Count > 0)
            {
                int o = open.Pop();
                partner[i] = o;
                partner[o] = i;
                expanded[i] = expanded[o];
            }
        }
        return (partner, expanded);
    }

    // The lines as the parser will read them (comment alignment does not matter to it).
    private static string Flatten(List<OutputLine> lines) =>
        string.Join("\n", lines.Select(l => new string(' ', l.Indent) + l.Code + (l.Comment is null ? "" : (l.Code.Length > 0 ? "  " : "") + l.Comment)));
}

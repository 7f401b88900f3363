using System.Collections.Generic;
using System.Text;

namespace NetDsl.Formatting;

/// <summary>
/// One line of formatted output: indentation, code and an optional trailing comment, or a line copied as written
/// (<see cref="Verbatim"/>: a statement the parser rejected, which the formatter never touches).
/// </summary>
internal sealed class OutputLine
{
    public int Indent;
    public readonly StringBuilder Code = new();
    public string? Comment;
    public bool Verbatim;

    public bool IsBlank => !Verbatim && Code.Length == 0 && Comment is null;

    public bool HasTrailingComment => !Verbatim && Code.Length > 0 && Comment is not null;

    public int CodeWidth => Indent + Code.Length;

    /// <summary>
    /// The lines as text. Trailing comments of consecutive lines line up two spaces after the longest code among them
    /// (a blank line, a line without one or a verbatim line ends the run), as gofmt aligns them.
    /// </summary>
    public static string Render(IReadOnlyList<OutputLine> lines)
    {
        int last = lines.Count - 1;
        while (last >= 0 && lines[last].IsBlank) last--;
        var commentColumn = new int[last + 1];
        for (int i = 0; i <= last;)
        {
            if (!lines[i].HasTrailingComment) { i++; continue; }
            int end = i, width = 0;
            while (end <= last && lines[end].HasTrailingComment) width = System.Math.Max(width, lines[end++].CodeWidth);
            for (int k = i; k < end; k++) commentColumn[k] = width + 2;
            i = end;
        }
        var sb = new StringBuilder();
        for (int i = 0; i <= last; i++)
        {
            var line = lines[i];
            if (line.Verbatim)
            {
                sb.Append(line.Code);
            }
            else if (!line.IsBlank)
            {
                sb.Append(' ', line.Indent).Append(line.Code);
                if (line.Comment is not null)
                {
                    if (line.Code.Length > 0) sb.Append(' ', commentColumn[i] - line.CodeWidth);
                    sb.Append(line.Comment);
                }
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

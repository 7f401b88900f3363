using System;
using System.Collections.Generic;

namespace NetDsl.Text;

/// <summary>The text of one .netdsl file with a line table, to turn offsets into lines and columns.</summary>
public sealed class FileText
{
    private readonly int[] _lineStarts;
    private int _lastLine;

    public FileText(string text, string path = "input.netdsl")
    {
        Text = text ?? string.Empty;
        Path = path ?? "input.netdsl";
        _lineStarts = ComputeLineStarts(Text);
    }

    public string Text { get; }

    public string Path { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line and column of an offset (clamped into the text).</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > Text.Length) offset = Text.Length;
        // Spans are asked for in file order: try the line of the previous answer (and the next one) before searching.
        // The hint is only a guess, always verified, so concurrent readers cannot get a wrong answer from it.
        int hint = _lastLine;
        int index;
        if (hint < _lineStarts.Length && _lineStarts[hint] <= offset && (hint + 1 == _lineStarts.Length || offset < _lineStarts[hint + 1]))
            index = hint;
        else if (hint + 1 < _lineStarts.Length && _lineStarts[hint + 1] <= offset && (hint + 2 == _lineStarts.Length || offset < _lineStarts[hint + 2]))
            index = hint + 1;
        else
        {
            index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0) index = ~index - 1;
        }
        _lastLine = index;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The place of <paramref name="length"/> characters at <paramref name="start"/> (offsets from the start of the file, clamped into it).</summary>
    public SourceLocation Locate(int start, int length)
    {
        if (start < 0) start = 0;
        if (start > Text.Length) start = Text.Length;
        if (length < 0) length = 0;
        if (start + length > Text.Length) length = Text.Length - start;
        var (line, column) = GetPosition(start);
        var (endLine, endColumn) = GetPosition(start + length);
        return new SourceLocation(start, length, line, column, endLine, endColumn);
    }

    /// <summary>The text of a 1-based line without its line break (for error excerpts).</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return string.Empty;
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        return Text.Substring(start, end - start).TrimEnd('\r', '\n');
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}

using System;
using System.Collections.Generic;
using NetDsl.LanguageServer.Protocol;

namespace NetDsl.LanguageServer.Documents;

/// <summary>Offsets ↔ LSP positions for one text (line breaks: \n, \r\n, \r, as LSP and the core's FileText count them).</summary>
public sealed class LineIndex
{
    private readonly int[] _starts;
    private readonly int _length;

    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (c == '\r' || c == '\n') starts.Add(i + 1);
        }
        _starts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _starts.Length;

    public LspPosition PositionOf(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, _length));
        int line = Array.BinarySearch(_starts, offset);
        if (line < 0) line = ~line - 1;
        return new LspPosition(line, offset - _starts[line]);
    }

    public LspRange RangeOf(int start, int length) => new(PositionOf(start), PositionOf(start + length));

    /// <summary>The offset of a position, clamped into the text (a character past the line's end means its end).</summary>
    public int OffsetOf(LspPosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _starts.Length) return _length;
        int start = _starts[position.Line];
        int end = position.Line + 1 < _starts.Length ? _starts[position.Line + 1] : _length;
        return Math.Max(start, Math.Min(start + Math.Max(0, position.Character), end));
    }

    public int LineStart(int line) => _starts[Math.Max(0, Math.Min(line, _starts.Length - 1))];
}

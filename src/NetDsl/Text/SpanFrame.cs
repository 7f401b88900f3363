namespace NetDsl.Text;

/// <summary>
/// Where a piece of a file starts: the offset of its first line's start and the number of lines above it.
/// Spans measured inside a statement (or a declaration) relative to its frame do not change when an edit
/// above moves the statement; only the frame does. The source generator caches per statement on that: an
/// unchanged statement keeps its parsed syntax and its generated code, wherever it now sits.
/// Columns are the same in both forms, because a frame starts at the beginning of a line.
/// </summary>
public readonly record struct SpanFrame(int Start, int LinesAbove)
{
    /// <summary>The frame whose first line is the line <paramref name="anchor"/> starts on.</summary>
    public static SpanFrame Of(SourceSpan anchor) => new(anchor.Start - (anchor.Column - 1), anchor.Line - 1);

    public bool IsFileStart => Start == 0 && LinesAbove == 0;

    /// <summary>A span measured inside this frame, in file coordinates. <see cref="SourceSpan.None"/> stays none.</summary>
    public SourceSpan ToFile(SourceSpan relative) => IsFileStart || relative == default ? relative :
        new SourceSpan(relative.Start + Start, relative.Length, relative.Line + LinesAbove, relative.Column,
            relative.EndLine + LinesAbove, relative.EndColumn);

    /// <summary>A file span, measured inside this frame (the inverse of <see cref="ToFile"/>).</summary>
    public SourceSpan FromFile(SourceSpan absolute) => IsFileStart || absolute == default ? absolute :
        new SourceSpan(absolute.Start - Start, absolute.Length, absolute.Line - LinesAbove, absolute.Column,
            absolute.EndLine - LinesAbove, absolute.EndColumn);
}

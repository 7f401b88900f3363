namespace NetDsl.Text;

/// <summary>
/// Where a piece of a .netdsl file is: a character range plus its resolved line/column range.
/// Lines and columns are 1-based, as compilers print them; the end is exclusive.
/// Carrying both lets the generator build a Roslyn Location and the CLI print "file(line,col)" without the text.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    public static SourceSpan None => default;

    public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
}

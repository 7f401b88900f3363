namespace NetDsl.Text;

/// <summary>
/// A <see cref="SourceSpan"/> placed in its file: offsets from the start of the file, and 1-based lines and columns as
/// compilers print them (the end exclusive). Computed on demand (<see cref="FileText.Locate"/>), never stored in syntax
/// or models, because it changes with every edit above it.
/// </summary>
public readonly record struct SourceLocation(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
}

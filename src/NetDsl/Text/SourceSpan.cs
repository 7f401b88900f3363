namespace NetDsl.Text;

/// <summary>
/// Where a piece of a .netdsl file is: <see cref="Start"/> and <see cref="Length"/> in characters, measured from the
/// start of its top-level <see cref="Statement"/> (as Roslyn's green nodes hold widths, not positions). So a statement's
/// spans — its syntax, its diagnostics, the model bound from it — are equal wherever the statement sits, and an edit
/// elsewhere leaves them alone. The line and column are computed only when someone needs them, from the file's
/// <see cref="NetDsl.Syntax.StatementLayout"/> (<see cref="NetDsl.Syntax.StatementLayout.Locate"/>): printing a
/// diagnostic, building a Roslyn location, answering an editor.
/// </summary>
public readonly record struct SourceSpan(StatementId Statement, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>No place (the default): the start of the file, zero wide.</summary>
    public static SourceSpan None => default;

    /// <summary>A span measured from the start of the file (what is found before the file is cut into statements).</summary>
    public static SourceSpan InFile(int start, int length) => new(StatementId.File, start, length);

    public override string ToString() => Statement + "+" + Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".."
        + End.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

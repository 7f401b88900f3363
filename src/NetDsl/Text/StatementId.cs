namespace NetDsl.Text;

/// <summary>
/// Which top-level statement a <see cref="SourceSpan"/> is measured from: the hash of the statement's text and, among
/// the file's statements with that hash, its ordinal. Nothing positional: an edit outside a statement (above it, below
/// it, a statement added or removed) leaves its id — and so its syntax, what is bound from it and the code generated
/// for it — equal. Only an identical statement added or removed above it renumbers it.
/// <see cref="File"/> (the default) is the file itself: spans measured from its first character.
/// </summary>
public readonly record struct StatementId(ulong Hash, int Occurrence)
{
    /// <summary>The file as a whole (offset 0): what cutting the file reports, and anything found outside every statement.</summary>
    public static StatementId File => default;

    public bool IsFile => Hash == 0 && Occurrence == 0;

    /// <summary>The hash a statement's text gets (FNV-1a, 64 bits, over its UTF-16 code units; never 0, which is <see cref="File"/>).</summary>
    public static ulong HashOf(string text, int start, int length)
    {
        ulong hash = 14695981039346656037UL;
        for (int i = start; i < start + length; i++)
        {
            hash ^= text[i];
            hash *= 1099511628211UL;
        }
        return hash == 0 ? 1 : hash;
    }

    public override string ToString() => IsFile ? "file" : Hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + (Occurrence == 0 ? "" : "#" + Occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

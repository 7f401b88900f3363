namespace NetDsl.Captures.Parsers;

/// <summary>One line of a capture's body with its 1-based line number in the file.</summary>
internal readonly record struct CaptureLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public string Trimmed => Text.Trim();

    public bool IsIndented => Text.Length > 0 && char.IsWhiteSpace(Text[0]);
}

namespace NetDsl.Formatting;

/// <summary>What the formatter sees of a token: the parser's tokens plus the two it skips, ';' and comments.</summary>
internal enum FormatTokenKind
{
    Word,
    String,
    Open,
    Close,
    Arrow,
    Equals,
    Comma,
    Semicolon,
    Comment,
}

/// <summary>A token's place in the text and how many line breaks precede it (since the previous token).</summary>
internal readonly record struct FormatToken(FormatTokenKind Kind, int Start, int End, int NewlinesBefore)
{
    public bool IsOpen(char bracket, string text) => Kind == FormatTokenKind.Open && text[Start] == bracket;
}

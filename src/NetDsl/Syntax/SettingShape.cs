using System.Collections.Generic;

namespace NetDsl.Syntax;

/// <summary>
/// A positional slot: a value (word, string or list) or a literal token such as "->" or "=". <see cref="Name"/> is what
/// the typed syntax calls the value (<c>NetworkSyntax.Name</c>, <c>RouteSyntax.Destination</c>); a token has none.
/// </summary>
public sealed record Slot(string Description, string? Literal = null, bool Optional = false, string Name = "")
{
    public static Slot Value(string name, string description) => new(description, null, false, name);

    public static Slot OptionalValue(string name, string description) => new(description, null, true, name);

    public static Slot Token(string literal) => new("'" + literal + "'", literal);
}

/// <summary>An option keyword and how many values follow it. <see cref="CommaList"/>: values separated by commas.</summary>
public sealed record OptionShape(string Keyword, int MinValues, int MaxValues, bool Repeatable = false, bool CommaList = false, string Description = "a value");

/// <summary>
/// The shape of a statement or setting: keyword, positional slots, options, and the shapes allowed in its
/// block. <see cref="Entry"/> marks a keyword-less line inside a block (an NPTv6 mapping "P -> P").
/// </summary>
public sealed record SettingShape(
    string Keyword,
    IReadOnlyList<Slot> Slots,
    IReadOnlyList<OptionShape> Options,
    Block? Body = null,
    bool Repeatable = true,
    bool Entry = false)
{
    /// <summary>The option keywords, looked up once per shape rather than once per setting read.</summary>
    internal System.Collections.Generic.HashSet<string> OptionKeywords { get; } = new(System.Linq.Enumerable.Select(Options, o => o.Keyword));
}

/// <summary>What a block may contain. <see cref="EntryShape"/> reads lines that start with no keyword.</summary>
public sealed record Block(string Owner, IReadOnlyList<SettingShape> Settings, bool Required = true, SettingShape? EntryShape = null)
{
    internal HashSet<string> Keywords { get; } = new(System.Linq.Enumerable.Select(Settings, s => s.Keyword));

    internal SettingShape? Find(string keyword)
    {
        foreach (var s in Settings) if (s.Keyword == keyword) return s;
        return null;
    }
}

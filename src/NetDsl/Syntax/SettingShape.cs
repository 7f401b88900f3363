using System.Collections.Generic;

namespace NetDsl.Syntax;

/// <summary>A positional slot: a value (word, string or list) or a literal token such as "->" or "=".</summary>
public sealed record Slot(string Description, string? Literal = null, bool Optional = false)
{
    public static Slot Value(string description) => new(description);

    public static Slot OptionalValue(string description) => new(description, null, true);

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
    bool Entry = false);

/// <summary>What a block may contain. <see cref="EntryShape"/> reads lines that start with no keyword.</summary>
public sealed record Block(string Owner, IReadOnlyList<SettingShape> Settings, bool Required = true, SettingShape? EntryShape = null);

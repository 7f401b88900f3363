using System;
using System.Collections.Generic;
using Sprache;

namespace NetDsl.Syntax;

/// <summary>
/// A Sprache input over one statement's text, by offset. Sprache's own Input allocates a
/// memo dictionary at every character it advances over; this one creates the dictionary only if a parser asks
/// for it, and the token parsers jump over whole words with <see cref="At"/>, so parsing stays linear and cheap.
/// Line and column are not tracked (spans are offsets in the statement); they read as 0.
/// </summary>
internal sealed class SourceInput : IInput
{
    private readonly int _end;
    private IDictionary<object, object>? _memos;

    public SourceInput(string source, int position, int end)
    {
        Source = source;
        Position = position;
        _end = end;
    }

    public string Source { get; }

    public int Position { get; }

    public int End => _end;

    public bool AtEnd => Position >= _end;

    public char Current => Position < _end ? Source[Position] : '\0';

    public int Line => 0;

    public int Column => 0;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at its end.");
        return new SourceInput(Source, Position + 1, _end);
    }

    /// <summary>The same input at another offset (used by token parsers that scan the string directly).</summary>
    public SourceInput At(int position) => position == Position ? this : new SourceInput(Source, position, _end);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => Position;
}

using System;
using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>
/// One top-level statement cut out of its file: its <see cref="Text"/> (from its first character to its end), its
/// <see cref="Id"/> (what its spans are measured from) and where it starts in the file. Parsing depends on
/// <see cref="Text"/> and <see cref="Id"/> only (<see cref="SyntaxParser.ParseStatement"/>), never on <see cref="Start"/>.
/// </summary>
public readonly record struct StatementSlice(string Text, StatementId Id, int Start);

/// <summary>
/// A file cut into its top-level statements (<see cref="Cut"/>), with what the cutting found (unbalanced braces,
/// unterminated strings; broken statements are left out, already reported). It is what turns a statement-relative
/// <see cref="SourceSpan"/> into a place in the file (<see cref="Locate"/>): the only thing that changes when an
/// edit moves statements, and cheap to make again after every edit.
/// </summary>
public sealed class StatementLayout : IEquatable<StatementLayout>
{
    private readonly Dictionary<StatementId, int> _starts;

    private StatementLayout(FileText text, EquatableArray<StatementSlice> statements, EquatableArray<NetDslDiagnostic> diagnostics)
    {
        Text = text;
        Statements = statements;
        Diagnostics = diagnostics;
        _starts = new Dictionary<StatementId, int>(statements.Count);
        foreach (var s in statements) _starts[s.Id] = s.Start;
    }

    /// <summary>The file.</summary>
    public FileText Text { get; }

    /// <summary>The statements in file order.</summary>
    public EquatableArray<StatementSlice> Statements { get; }

    /// <summary>What cutting found (in <see cref="StatementId.File"/> spans).</summary>
    public EquatableArray<NetDslDiagnostic> Diagnostics { get; }

    /// <summary>A file with no statements: every span is located as measured from the start of the file.</summary>
    public static StatementLayout Empty(FileText text) => new(text, EquatableArray<StatementSlice>.Empty, EquatableArray<NetDslDiagnostic>.Empty);

    /// <summary>Cuts <paramref name="text"/> into statements (<see cref="StatementSplitter"/>) and gives each its id.</summary>
    public static StatementLayout Cut(FileText text)
    {
        var diagnostics = new List<NetDslDiagnostic>();
        var slices = new List<StatementSlice>();
        var seen = new Dictionary<ulong, int>();
        string content = text.Text;
        foreach (var chunk in StatementSplitter.Split(text, diagnostics))
        {
            if (chunk.Broken) continue;
            int length = chunk.End - chunk.Start;
            ulong hash = StatementId.HashOf(content, chunk.Start, length);
            seen.TryGetValue(hash, out int occurrence);
            seen[hash] = occurrence + 1;
            slices.Add(new StatementSlice(content.Substring(chunk.Start, length), new StatementId(hash, occurrence), chunk.Start));
        }
        return new StatementLayout(text, slices.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Where the statement <paramref name="id"/> starts in the file (0 for <see cref="StatementId.File"/> or an id not in this file).</summary>
    public int StartOf(StatementId id) => _starts.TryGetValue(id, out int start) ? start : 0;

    /// <summary>The offset from the start of the file of <paramref name="span"/>'s start.</summary>
    public int OffsetOf(SourceSpan span) => StartOf(span.Statement) + span.Start;

    /// <summary><paramref name="span"/> placed in the file: offsets, lines and columns.</summary>
    public SourceLocation Locate(SourceSpan span) => Text.Locate(OffsetOf(span), span.Length);

    /// <summary>
    /// The statement holding the file offset <paramref name="offset"/> (its index in <see cref="Statements"/>), or -1
    /// when it is between statements: what an editor asks first, before looking inside the statement.
    /// </summary>
    public int IndexAt(int offset)
    {
        int lo = 0, hi = Statements.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var s = Statements[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset > s.Start + s.Text.Length) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public bool Equals(StatementLayout? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Text.Path == other.Text.Path && Statements.Equals(other.Statements) && Diagnostics.Equals(other.Diagnostics) && Text.Text == other.Text.Text));

    public override bool Equals(object? obj) => Equals(obj as StatementLayout);

    public override int GetHashCode() => Statements.GetHashCode();
}

using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>
/// One top-level statement cut out of its file. <see cref="Text"/> starts at the beginning of the statement's
/// first line (what precedes the statement on that line is blanked), so parsing it alone gives spans with the
/// right columns, relative to <see cref="Frame"/>. Two slices with the same text parse the same, wherever they are.
/// </summary>
public readonly record struct StatementSlice(string Text, SpanFrame Frame);

/// <summary>A file cut into statements, with what the cutting found (unbalanced braces, unterminated strings).</summary>
public sealed record StatementLayout(EquatableArray<StatementSlice> Statements, EquatableArray<NetDslDiagnostic> Diagnostics);

/// <summary>Cuts a file into <see cref="StatementSlice"/>s with <see cref="StatementSplitter"/>; broken chunks are left out (already reported).</summary>
public static class StatementSlices
{
    public static StatementLayout Cut(FileText source)
    {
        var diagnostics = new List<NetDslDiagnostic>();
        var slices = new List<StatementSlice>();
        string text = source.Text;
        foreach (var chunk in StatementSplitter.Split(source, diagnostics))
        {
            if (chunk.Broken) continue;
            var (line, column) = source.GetPosition(chunk.Start);
            int lead = column - 1;
            string body = text.Substring(chunk.Start, chunk.End - chunk.Start);
            slices.Add(new StatementSlice(lead == 0 ? body : new string(' ', lead) + body, new SpanFrame(chunk.Start - lead, line - 1)));
        }
        return new StatementLayout(slices.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

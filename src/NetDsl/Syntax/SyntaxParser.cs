using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>
/// Text → <see cref="FileSyntax"/>: cut into statements (<see cref="StatementLayout.Cut"/>), parse each one's nodes
/// (Sprache) and read them against the shapes. Each statement is parsed on its own, from its own text, with spans
/// relative to its start (<see cref="ParseStatement"/>), so errors in one do not hide the others and the same text
/// parses to an equal value wherever it sits. <see cref="Parse"/> does it all in a row; the source generator and an
/// editor run the same steps, caching <see cref="ParseStatement"/> per statement, and gather with <see cref="Gather"/>.
/// </summary>
public static class SyntaxParser
{
    public static FileSyntax Parse(FileText source)
    {
        var layout = StatementLayout.Cut(source);
        var parsed = new StatementSyntax[layout.Statements.Count];
        for (int i = 0; i < parsed.Length; i++) parsed[i] = ParseStatement(layout.Statements[i].Text, layout.Statements[i].Id);
        return Gather(layout, parsed);
    }

    /// <summary>One statement's text (<see cref="StatementSlice.Text"/>), parsed on its own: spans relative to its start, tagged <paramref name="id"/>.</summary>
    public static StatementSyntax ParseStatement(string text, StatementId id)
    {
        var diagnostics = new List<NetDslDiagnostic>();
        var nodes = NodeGrammar.ParseStatement(text ?? string.Empty, id, diagnostics);
        var statement = nodes is null ? null : new SettingReader(id, diagnostics).ReadStatement(nodes.Value);
        // A statement read despite an error in it reports no missing settings (SettingSyntax.HasErrors): root cause first.
        bool damaged = false;
        foreach (var d in diagnostics) damaged |= d.IsError;
        if (damaged && statement is not null) statement = statement with { HasErrors = true };
        return new StatementSyntax(statement, diagnostics.ToEquatableArray());
    }

    /// <summary>The file's tree from its layout and each statement's <see cref="ParseStatement"/>, in the same order.</summary>
    public static FileSyntax Gather(StatementLayout layout, IReadOnlyList<StatementSyntax> parsed)
    {
        var diagnostics = new List<NetDslDiagnostic>(layout.Diagnostics);
        var statements = new List<SettingSyntax>(parsed.Count);
        foreach (var p in parsed)
        {
            diagnostics.AddRange(p.Diagnostics);
            if (p.Statement is { } statement) statements.Add(statement);
        }
        return new FileSyntax(layout, statements.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>
/// Text → <see cref="FileSyntax"/>: split into statements, parse each one's nodes (Sprache), read them against
/// the shapes. Each statement is independent, so errors in one do not hide the others.
/// Two entry points run the same code in two frames: <see cref="Parse"/> reads every statement in place (file
/// coordinates, what the CLI uses), <see cref="ParseStatement"/> reads one cut-out statement (relative to its
/// frame, what the source generator caches per statement) and <see cref="Assemble"/> moves those into the file.
/// A test holds the two equal.
/// </summary>
public static class SyntaxParser
{
    public static FileSyntax Parse(FileText source)
    {
        var diagnostics = new List<NetDslDiagnostic>();
        var statements = new List<SettingSyntax>();
        var reader = new SettingReader(source, diagnostics);
        foreach (var chunk in StatementSplitter.Split(source, diagnostics))
        {
            if (chunk.Broken) continue;
            var statement = ReadChunk(source, chunk, reader, diagnostics);
            if (statement is not null) statements.Add(statement);
        }
        return new FileSyntax(statements.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>One statement's slice (<see cref="StatementSlices"/>), parsed on its own: spans relative to the slice.</summary>
    public static StatementSyntax ParseStatement(string slice)
    {
        var source = new FileText(slice ?? string.Empty);
        var diagnostics = new List<NetDslDiagnostic>();
        int start = 0;
        while (start < source.Text.Length && source.Text[start] == ' ') start++;
        var statement = ReadChunk(source, new StatementChunk(start, source.Text.Length, false), new SettingReader(source, diagnostics), diagnostics);
        return new StatementSyntax(statement, diagnostics.ToEquatableArray());
    }

    /// <summary>The file's tree from its layout and each slice's <see cref="ParseStatement"/> (in the same order).</summary>
    /// <param name="include">Which statements to move into the tree (all diagnostics are); the generator leaves out the
    /// container statements, which it binds from their own frames.</param>
    public static FileSyntax Assemble(StatementLayout layout, IReadOnlyList<StatementSyntax> parsed, System.Func<SettingSyntax, bool>? include = null)
    {
        var diagnostics = new List<NetDslDiagnostic>(layout.Diagnostics);
        var statements = new List<SettingSyntax>(parsed.Count);
        for (int i = 0; i < parsed.Count && i < layout.Statements.Count; i++)
        {
            var frame = layout.Statements[i].Frame;
            foreach (var d in parsed[i].Diagnostics) diagnostics.Add(d.ToFile(frame));
            if (parsed[i].Statement is { } statement && (include is null || include(statement))) statements.Add(statement.ToFile(frame));
        }
        return new FileSyntax(statements.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static SettingSyntax? ReadChunk(FileText source, StatementChunk chunk, SettingReader reader, List<NetDslDiagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        var nodes = NodeGrammar.ParseChunk(source, chunk, diagnostics);
        var statement = nodes is null ? null : reader.ReadStatement(nodes.Value);
        bool damaged = false;
        for (int i = before; i < diagnostics.Count; i++) damaged |= diagnostics[i].IsError;
        return damaged && statement is not null ? statement with { HasErrors = true } : statement;
    }
}

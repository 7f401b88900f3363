using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Syntax;

/// <summary>
/// Text → <see cref="SyntaxTree"/>: split into statements, parse each one's nodes (Sprache), read them against
/// the shapes. Each statement is independent, so errors in one do not hide the others.
/// </summary>
public static class SyntaxParser
{
    public static SyntaxTree Parse(SourceText source)
    {
        var diagnostics = new List<Diagnostic>();
        var statements = new List<SettingSyntax>();
        var reader = new SettingReader(source, diagnostics);
        foreach (var chunk in StatementSplitter.Split(source, diagnostics))
        {
            if (chunk.Broken) continue;
            var nodes = NodeGrammar.ParseChunk(source, chunk, diagnostics);
            if (nodes is null) continue;
            var statement = reader.ReadStatement(nodes.Value);
            if (statement is not null) statements.Add(statement);
        }
        return new SyntaxTree(statements.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}

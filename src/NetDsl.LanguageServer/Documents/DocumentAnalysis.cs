using System.Collections.Generic;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.LanguageServer.Documents;

/// <summary>
/// One version of a document compiled: the core's result (diagnostics, the partial model) and the names written in
/// it. Computed by the core's front door, as <c>netdsl check</c> does, so the editor shows exactly what check prints.
/// </summary>
public sealed class DocumentAnalysis
{
    private DocumentAnalysis(TextDocument document, FileSyntax syntax, CompilationResult result, SymbolIndex symbols)
    {
        Document = document;
        Syntax = syntax;
        Result = result;
        Symbols = symbols;
    }

    public TextDocument Document { get; }

    public FileSyntax Syntax { get; }

    public CompilationResult Result { get; }

    public SymbolIndex Symbols { get; }

    public static DocumentAnalysis Of(TextDocument document, IReadOnlyDictionary<string, string> parameters)
    {
        var source = new FileText(document.Text, document.FileName);
        var syntax = SyntaxParser.Parse(source);
        var result = NetDslCompiler.Compile(source, syntax, parameters);
        return new DocumentAnalysis(document, syntax, result, SymbolIndex.Build(syntax));
    }
}

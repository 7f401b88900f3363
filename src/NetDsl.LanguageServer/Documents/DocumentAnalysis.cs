using System;
using System.Collections.Generic;
using NetDsl.Binding;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl.LanguageServer.Documents;

/// <summary>
/// One version of a document compiled: the core's result (diagnostics, the partial model) and, on demand, the names
/// written in it. Incremental as the source generator is: spans are relative to their statements, so a statement whose
/// text did not change keeps its parse, and a container statement its draft (while the parameters and networks it is
/// bound against are equal) — an edit re-parses and re-drafts the statements it touched, then the core completes the
/// file (<see cref="NetDslCompiler.Compile(FileSyntax, IReadOnlyDictionary{string, string}?, IReadOnlyList{ContainerDraft}?)"/>,
/// the code `netdsl check` runs), so the editor shows exactly what check prints.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly Lazy<SymbolIndex> _symbols;
    private readonly Dictionary<StatementId, StatementSyntax> _parses;
    private readonly Dictionary<StatementId, ContainerDraft> _drafts;
    private readonly ContainerEnvironment _environment;

    private DocumentAnalysis(TextDocument document, FileSyntax syntax, CompilationResult result, Dictionary<StatementId, StatementSyntax> parses,
        Dictionary<StatementId, ContainerDraft> drafts, ContainerEnvironment environment)
    {
        Document = document;
        Syntax = syntax;
        Result = result;
        _parses = parses;
        _drafts = drafts;
        _environment = environment;
        _symbols = new Lazy<SymbolIndex>(() => SymbolIndex.Build(syntax));
    }

    public TextDocument Document { get; }

    public FileSyntax Syntax { get; }

    public CompilationResult Result { get; }

    public SymbolIndex Symbols => _symbols.Value;

    /// <summary>How many statements this analysis parsed and drafted itself (the rest came from the previous one).</summary>
    public (int Parsed, int Drafted) Work { get; private set; }

    /// <summary>A span of this document (statement-relative), as offsets from the start of the text.</summary>
    public (int Start, int Length) Place(SourceSpan span) => (Syntax.Layout.OffsetOf(span), span.Length);

    /// <param name="previous">The analysis of an earlier version, whose unchanged statements are reused (null: none).</param>
    public static DocumentAnalysis Of(TextDocument document, IReadOnlyDictionary<string, string> parameters, DocumentAnalysis? previous = null)
    {
        var layout = StatementLayout.Cut(new FileText(document.Text, document.FileName));
        var parses = new Dictionary<StatementId, StatementSyntax>(layout.Statements.Count);
        var parsed = new StatementSyntax[layout.Statements.Count];
        int parsedHere = 0, draftedHere = 0;
        for (int i = 0; i < parsed.Length; i++)
        {
            var slice = layout.Statements[i];
            if (previous is null || !previous._parses.TryGetValue(slice.Id, out var p))
            {
                p = SyntaxParser.ParseStatement(slice.Text, slice.Id);
                parsedHere++;
            }
            parsed[i] = p;
            parses[slice.Id] = p;
        }
        var syntax = SyntaxParser.Gather(layout, parsed);
        var environment = Binder.ContainerEnvironmentOf(syntax, parameters);
        bool sameEnvironment = previous is not null && previous._environment.Equals(environment);
        var drafts = new Dictionary<StatementId, ContainerDraft>();
        var ordered = new List<ContainerDraft>();
        foreach (var statement in syntax.Statements)
        {
            if (!Binder.IsContainer(statement)) continue;
            var id = statement.Keyword.Span.Statement;
            if (!sameEnvironment || !previous!._drafts.TryGetValue(id, out var draft))
            {
                draft = Binder.DraftContainer(environment, statement);
                draftedHere++;
            }
            drafts[id] = draft;
            ordered.Add(draft);
        }
        var result = NetDslCompiler.Compile(syntax, parameters, ordered);
        return new DocumentAnalysis(document, syntax, result, parses, drafts, environment) { Work = (parsedHere, draftedHere) };
    }
}

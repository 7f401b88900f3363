using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Binding;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl;

/// <summary>
/// The result of compiling one .netdsl file: every diagnostic, and two views of the model.
/// <list type="bullet">
/// <item><see cref="Model"/>: the whole model — every statement bound. The only errors it may come with are failed expects
/// (<see cref="DiagnosticDefinitions.PathBroken"/>, <see cref="DiagnosticDefinitions.PathOpen"/>): `trace`, `lab` and `nptv6` run on it, exactly when a user
/// needs the hop-by-hop story. Null when anything else failed.</item>
/// <item><see cref="PartialModel"/>: whatever did bind, always (an editor, the generator's typed API on errors).</item>
/// <item><see cref="Unbound"/>: each statement that declared a name and did not bind — its kind, name and span. With
/// <see cref="PartialModel"/> it is every name the file declares, so the generator's API keeps them all on errors.</item>
/// </list>
/// Whatever must refuse a file with any error (`check`, `emit`, `plan`/`apply`/`verify`) tests <see cref="HasErrors"/>.
/// Spans (of the diagnostics and of the model) are relative to their statements; <see cref="Layout"/> places them in
/// the file (<see cref="Locate"/>, <see cref="Format"/>).
/// </summary>
public sealed record CompilationResult(NetworkModel? Model, EquatableArray<NetDslDiagnostic> Diagnostics, StatementLayout Layout, NetworkModel? Bound = null,
    EquatableArray<UnboundDeclaration> Unbound = default)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<NetDslDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>What did bind; equal to <see cref="Model"/> when that is not null. Empty only after an internal error.</summary>
    public NetworkModel PartialModel => Bound ?? Model ?? NetworkModel.Empty("input.netdsl");

    /// <summary>The model is whole but some expect's path breaks: trace it, do not emit it.</summary>
    public bool OnlyExpectsFail => Model is not null && HasErrors;

    /// <summary>A span of this file (a diagnostic's, or the model's, renderers' diagnostics included), placed in it.</summary>
    public SourceLocation Locate(SourceSpan span) => Layout.Locate(span);

    /// <summary>A diagnostic of this file in compiler form: <c>lab.netdsl(12,5): error NDSL0101: message Fix: …</c>.</summary>
    /// <param name="diagnostic">A diagnostic of this file (or of a renderer run on its model).</param>
    /// <param name="path">The path to print (default: the path the file was compiled with).</param>
    public string Format(NetDslDiagnostic diagnostic, string? path = null) => diagnostic.Format(path ?? Layout.Text.Path, Locate(diagnostic.Span));

    /// <summary>Errors other than failed expects (a broken path, a blocked one found open): the ones that leave <see cref="Model"/> null.</summary>
    public static bool BlocksModel(NetDslDiagnostic d) => d.Severity == Severity.Error && !IsFailedExpect(d);

    /// <summary>An expect whose traced verdict is wrong: the model is whole, only the expectation fails.</summary>
    public static bool IsFailedExpect(NetDslDiagnostic d) => d.Id == DiagnosticDefinitions.PathBroken.Id || d.Id == DiagnosticDefinitions.PathOpen.Id;
}

/// <summary>
/// The front door of the core: text → syntax → binder → model. Used by the CLI, the source generator and the
/// runtime libraries alike, so nothing is computed in two places: the generator runs the same steps, with the
/// statements' parses and the containers' drafts cached, and finishes with the same <see cref="Compile(FileSyntax, IReadOnlyDictionary{string, string}?)"/>
/// (given its drafts). Never throws: any failure is a diagnostic.
/// </summary>
public static class NetDslCompiler
{
    /// <param name="text">The file's text.</param>
    /// <param name="path">Its path, as diagnostics and the model name it.</param>
    /// <param name="overrides">Parameter overrides (<c>--set NAME=VALUE</c>), parsed according to each parameter's kind.</param>
    public static CompilationResult Compile(string text, string path = "input.netdsl", IReadOnlyDictionary<string, string>? overrides = null)
    {
        var source = new FileText(text ?? string.Empty, path);
        try
        {
            return Compile(SyntaxParser.Parse(source), overrides);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(StatementLayout.Empty(source), e);
        }
    }

    /// <summary>Binds a parsed file (<see cref="SyntaxParser.Parse"/>, or gathered statement by statement with <see cref="SyntaxParser.Gather"/>).</summary>
    /// <param name="syntax">The parsed file.</param>
    /// <param name="overrides">Parameter overrides.</param>
    public static CompilationResult Compile(FileSyntax syntax, IReadOnlyDictionary<string, string>? overrides = null) => Compile(syntax, overrides, null);

    /// <summary>As <see cref="Compile(FileSyntax, IReadOnlyDictionary{string, string}?)"/>, with the drafts of the container statements when the caller keeps them (the source generator; see <see cref="Binder.Bind"/>).</summary>
    internal static CompilationResult Compile(FileSyntax syntax, IReadOnlyDictionary<string, string>? overrides, IReadOnlyList<ContainerDraft>? drafts)
    {
        var layout = syntax.Layout;
        try
        {
            var bound = Binder.Bind(syntax, overrides ?? new Dictionary<string, string>(), drafts);
            var diagnostics = syntax.Diagnostics.Concat(bound.Diagnostics)
                .OrderBy(d => layout.OffsetOf(d.Span)).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToEquatableArray();
            bool blocked = diagnostics.Any(CompilationResult.BlocksModel);
            return new CompilationResult(blocked ? null : bound.Model, diagnostics, layout, bound.Model, bound.Unbound);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(layout, e);
        }
    }

    // A bug in NetDsl, not in the input: still a diagnostic, so no caller (the generator above all) ever sees an exception.
    private static CompilationResult InternalError(StatementLayout layout, Exception e) =>
        new(null, EquatableArray.Of(NetDslDiagnostic.Create(DiagnosticDefinitions.InternalError, SourceSpan.None, e.GetType().Name + ": " + e.Message)), layout);
}

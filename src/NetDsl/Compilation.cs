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
/// </list>
/// Whatever must refuse a file with any error (`check`, `emit`, `plan`/`apply`/`verify`) tests <see cref="HasErrors"/>.
/// <see cref="ContainerFrames"/> is empty unless the caller asked to keep containers in their statements' frames.
/// </summary>
public sealed record CompilationResult(NetworkModel? Model, EquatableArray<NetDslDiagnostic> Diagnostics, EquatableArray<SpanFrame> ContainerFrames = default,
    NetworkModel? Bound = null)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<NetDslDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>What did bind; equal to <see cref="Model"/> when that is not null. Empty only after an internal error.</summary>
    public NetworkModel PartialModel => Bound ?? Model ?? NetworkModel.Empty("input.netdsl");

    /// <summary>The model is whole but some expect's path breaks: trace it, do not emit it.</summary>
    public bool OnlyExpectsFail => Model is not null && HasErrors;

    /// <summary>Errors other than failed expects (a broken path, a blocked one found open): the ones that leave <see cref="Model"/> null.</summary>
    public static bool BlocksModel(NetDslDiagnostic d) => d.Severity == Severity.Error && !IsFailedExpect(d);

    /// <summary>An expect whose traced verdict is wrong: the model is whole, only the expectation fails.</summary>
    public static bool IsFailedExpect(NetDslDiagnostic d) => d.Id == DiagnosticDefinitions.PathBroken.Id || d.Id == DiagnosticDefinitions.PathOpen.Id;
}

/// <summary>
/// The front door of the core: text → syntax → binder → model. Used by the CLI, the source generator and the
/// runtime libraries alike, so nothing is computed in two places. Never throws: any failure is a diagnostic.
/// </summary>
public static class NetDslCompiler
{
    /// <param name="overrides">Parameter overrides (<c>--set NAME=VALUE</c>), parsed according to each parameter's kind.</param>
    public static CompilationResult Compile(string text, string path = "input.netdsl", IReadOnlyDictionary<string, string>? overrides = null)
    {
        var source = new FileText(text ?? string.Empty, path);
        try
        {
            return Compile(source, SyntaxParser.Parse(source), overrides);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(source, e);
        }
    }

    /// <summary>
    /// Binds a tree already parsed from <paramref name="source"/>: the source generator parses statement by statement
    /// (<see cref="SyntaxParser.ParseStatement"/>, cached per statement) and assembles the tree itself.
    /// </summary>
    public static CompilationResult Compile(FileText source, FileSyntax syntax, IReadOnlyDictionary<string, string>? overrides = null) =>
        Finish(source, syntax, () => Binder.Bind(syntax, source, overrides ?? new Dictionary<string, string>()));

    /// <summary>
    /// Binds the file from its statements other than containers (<paramref name="others"/>, in file coordinates) and
    /// its container drafts (<see cref="Binder.DraftContainer"/>, each in its statement's frame): what the source
    /// generator does, with the drafts of unchanged statements cached.
    /// </summary>
    /// <param name="keepContainerFrames">Leave the model's containers in their statements' frames and return the frames in
    /// <see cref="CompilationResult.ContainerFrames"/>: the generator's parts are then equal wherever the statements moved.</param>
    public static CompilationResult Compile(FileText source, FileSyntax others, IReadOnlyList<PlacedDraft> containerDrafts, bool keepContainerFrames = false) =>
        Finish(source, others, () => Binder.Bind(others, containerDrafts, source, new Dictionary<string, string>(), keepContainerFrames));

    private static CompilationResult Finish(FileText source, FileSyntax syntax, Func<BindResult> bind)
    {
        try
        {
            var bound = bind();
            var diagnostics = syntax.Diagnostics.Concat(bound.Diagnostics)
                .OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToEquatableArray();
            bool blocked = diagnostics.Any(CompilationResult.BlocksModel);
            return new CompilationResult(blocked ? null : bound.Model, diagnostics, bound.ContainerFrames, bound.Model);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(source, e);
        }
    }

    // A bug in NetDsl, not in the input: still a diagnostic, so no caller (the generator above all) ever sees an exception.
    private static CompilationResult InternalError(FileText source, Exception e) =>
        new(null, EquatableArray.Of(NetDslDiagnostic.Create(DiagnosticDefinitions.InternalError, source.Span(0, 0), e.GetType().Name + ": " + e.Message)));
}

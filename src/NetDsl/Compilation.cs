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
/// The result of compiling one .netdsl file: the model (only when there are no errors) and every diagnostic.
/// <see cref="ContainerFrames"/> is empty unless the caller asked to keep containers in their statements' frames.
/// </summary>
public sealed record CompilationResult(NetworkModel? Model, EquatableArray<Diagnostic> Diagnostics, EquatableArray<SpanFrame> ContainerFrames = default)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
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
        var source = new SourceText(text ?? string.Empty, path);
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
    public static CompilationResult Compile(SourceText source, SyntaxTree syntax, IReadOnlyDictionary<string, string>? overrides = null) =>
        Finish(source, syntax, () => Binder.Bind(syntax, source, overrides ?? new Dictionary<string, string>()));

    /// <summary>
    /// Binds the file from its statements other than containers (<paramref name="others"/>, in file coordinates) and
    /// its container drafts (<see cref="Binder.DraftContainer"/>, each in its statement's frame): what the source
    /// generator does, with the drafts of unchanged statements cached.
    /// </summary>
    /// <param name="keepContainerFrames">Leave the model's containers in their statements' frames and return the frames in
    /// <see cref="CompilationResult.ContainerFrames"/>: the generator's parts are then equal wherever the statements moved.</param>
    public static CompilationResult Compile(SourceText source, SyntaxTree others, IReadOnlyList<PlacedDraft> containerDrafts, bool keepContainerFrames = false) =>
        Finish(source, others, () => Binder.Bind(others, containerDrafts, source, new Dictionary<string, string>(), keepContainerFrames));

    private static CompilationResult Finish(SourceText source, SyntaxTree syntax, Func<BindResult> bind)
    {
        try
        {
            var bound = bind();
            var diagnostics = syntax.Diagnostics.Concat(bound.Diagnostics)
                .OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToEquatableArray();
            bool hasErrors = diagnostics.Any(d => d.Severity == Severity.Error);
            return new CompilationResult(hasErrors ? null : bound.Model, diagnostics, bound.ContainerFrames);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalError(source, e);
        }
    }

    // A bug in NetDsl, not in the input: still a diagnostic, so no caller (the generator above all) ever sees an exception.
    private static CompilationResult InternalError(SourceText source, Exception e) =>
        new(null, EquatableArray.Of(Diagnostic.Create(DiagnosticDescriptors.InternalError, source.Span(0, 0), e.GetType().Name + ": " + e.Message)));
}

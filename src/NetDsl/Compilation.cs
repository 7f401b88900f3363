using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Binding;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;
using NetDsl.Text;

namespace NetDsl;

/// <summary>The result of compiling one .netdsl file: the model (only when there are no errors) and every diagnostic.</summary>
public sealed record CompilationResult(NetworkModel? Model, EquatableArray<Diagnostic> Diagnostics)
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
            var syntax = SyntaxParser.Parse(source);
            var bound = Binder.Bind(syntax, source, overrides ?? new Dictionary<string, string>());
            var diagnostics = syntax.Diagnostics.Concat(bound.Diagnostics)
                .OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToEquatableArray();
            bool hasErrors = diagnostics.Any(d => d.Severity == Severity.Error);
            return new CompilationResult(hasErrors ? null : bound.Model, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in NetDsl, not in the input: still a diagnostic, so no caller (the generator above all) ever sees an exception.
            var span = source.Span(0, 0);
            return new CompilationResult(null, EquatableArray.Of(Diagnostic.Create(DiagnosticDescriptors.InternalError, span, e.GetType().Name + ": " + e.Message)));
        }
    }
}

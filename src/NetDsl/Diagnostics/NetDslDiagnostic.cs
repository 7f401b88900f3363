using System;
using System.Globalization;
using NetDsl.Text;

namespace NetDsl.Diagnostics;

/// <summary>
/// One occurrence of a mistake at an exact place in a .netdsl file. <see cref="Message"/> and <see cref="Fix"/> are the
/// descriptor's formats filled with this occurrence's values (<see cref="MessageText.Fill"/>). Its <see cref="Span"/> is
/// relative to its statement; whoever prints it places it in the file (<see cref="NetDsl.Syntax.StatementLayout.Locate"/>,
/// or <see cref="CompilationResult.Format"/>).
/// </summary>
public sealed record NetDslDiagnostic(DiagnosticDefinition Descriptor, Severity Severity, SourceSpan Span, string Message, string Fix)
{
    public string Id => Descriptor.Id;

    public bool IsError => Severity == Severity.Error;

    public static NetDslDiagnostic Create(DiagnosticDefinition descriptor, SourceSpan span, params object?[] args)
    {
        args ??= Array.Empty<object?>();
        return new NetDslDiagnostic(descriptor, descriptor.DefaultSeverity, span, MessageText.Fill(descriptor.MessageFormat, args), MessageText.Fill(descriptor.Fix, args));
    }

    public NetDslDiagnostic WithSeverity(Severity severity) => this with { Severity = severity };

    /// <summary>MSBuild/compiler form: <c>lab.netdsl(12,5): error NDSL0101: message Fix: …</c>, at <paramref name="at"/> (this diagnostic's span, located).</summary>
    public string Format(string path, SourceLocation at) =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}", path, at.Line, at.Column,
            SeverityWord(Severity), Id, MessageWithFix);

    /// <summary>The message followed by its fix hint.</summary>
    public string MessageWithFix => Message + " Fix: " + Fix;

    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "hidden",
    };

    /// <summary>For debugging: the span as it is stored (statement-relative), since a diagnostic does not know its file.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "[{0}]: {1} {2}: {3}", Span, SeverityWord(Severity), Id, MessageWithFix);
}

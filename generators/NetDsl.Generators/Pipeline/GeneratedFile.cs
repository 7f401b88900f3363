using NetDsl.Model;

namespace NetDsl.Generators.Pipeline;

/// <summary>What the generator adds for one .netdsl file: a source (null when the file has errors) and the diagnostics to report.</summary>
internal sealed record GeneratedFile(string HintName, string? Source, EquatableArray<ReportedDiagnostic> Diagnostics);

/// <summary>
/// A diagnostic ready for Roslyn, still as plain values (Roslyn's Location is not meant to be cached).
/// Positions are 0-based, as Roslyn's LinePosition wants them.
/// </summary>
internal sealed record ReportedDiagnostic(
    string Id,
    string Path,
    int Start,
    int Length,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    Microsoft.CodeAnalysis.DiagnosticSeverity Severity);

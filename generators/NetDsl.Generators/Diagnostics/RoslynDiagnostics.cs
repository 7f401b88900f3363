using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NetDsl.Diagnostics;
using NetDsl.Generators.Pipeline;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Generators.Diagnostics;

/// <summary>Turns the core's diagnostics into Roslyn ones: same id, title, help link, and an exact location in the .netdsl file.</summary>
internal static class RoslynDiagnostics
{
    // One Roslyn descriptor per core descriptor, built once: the message is the core's, already formatted.
    private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors =
        DiagnosticDefinitions.All.ToDictionary(d => d.Id, ToRoslyn);

    public static IReadOnlyCollection<DiagnosticDescriptor> All => Descriptors.Values;

    public static DiagnosticDescriptor ToRoslyn(DiagnosticDefinition descriptor) => new(
        descriptor.Id,
        descriptor.Title,
        "{0}",
        "NetDsl." + descriptor.Category,
        ToRoslyn(descriptor.DefaultSeverity),
        isEnabledByDefault: true,
        description: descriptor.DocumentedFix,
        helpLinkUri: descriptor.HelpLink);

    public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    /// <summary>The core diagnostic, placed at <paramref name="span"/> (its span located in the file), with the user's severity applied; null when configured off (<c>none</c>).</summary>
    public static ReportedDiagnostic? Prepare(string path, NetDslDiagnostic diagnostic, SourceLocation span, EquatableArray<SeverityOverride> fileOverrides)
    {
        var severity = SeverityConfiguration.Apply(fileOverrides, diagnostic.Id, ToRoslyn(diagnostic.Severity));
        if (severity is null) return null;
        // The core's lines and columns are 1-based (as compilers print them); Roslyn's LinePosition is 0-based.
        return new ReportedDiagnostic(diagnostic.Id, path, span.Start, span.Length,
            ZeroBased(span.Line), ZeroBased(span.Column), ZeroBased(span.EndLine), ZeroBased(span.EndColumn),
            diagnostic.MessageWithFix, severity.Value);
    }

    public static Diagnostic Create(ReportedDiagnostic d)
    {
        if (!Descriptors.TryGetValue(d.Id, out var descriptor))
            descriptor = Descriptors[DiagnosticDefinitions.InternalError.Id];
        var start = new LinePosition(d.Line, d.Column);
        var end = new LinePosition(d.EndLine, d.EndColumn);
        if (end < start) end = start;
        var location = Location.Create(d.Path, new TextSpan(d.Start, d.Length), new LinePositionSpan(start, end));
        return Diagnostic.Create(descriptor, location, d.Severity, additionalLocations: null, properties: null, d.Message);
    }

    private static int ZeroBased(int oneBased) => oneBased > 0 ? oneBased - 1 : 0;
}

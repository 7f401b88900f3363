using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDsl.Diagnostics;
using NetDsl.Generators.Pipeline;
using NetDsl.Model;

namespace NetDsl.Generators.Diagnostics;

/// <summary>
/// Per-file severity chosen by the user in an <c>.editorconfig</c> section matching the .netdsl file:
/// <c>[*.netdsl]</c> <c>netdsl_diagnostic.NDSL1008.severity = none</c>.
/// Roslyn applies <c>dotnet_diagnostic.&lt;id&gt;.severity</c> from editorconfig sections only to diagnostics
/// located in C# syntax trees, not in additional files (dotnet/roslyn#31916), and it removes those keys from
/// the options a generator sees; so the generator reads its own key, which Roslyn leaves visible (a
/// <c>dotnet_diagnostic</c> key is honoured too, should a compiler ever pass it through).
/// A <c>.globalconfig</c> <c>dotnet_diagnostic.&lt;id&gt;.severity</c> needs nothing from the generator: the
/// driver filters every generator diagnostic through the compilation's global options, after this.
/// </summary>
internal static class SeverityConfiguration
{
    public const string FileKeyPrefix = "netdsl_diagnostic.";

    /// <summary>The entries of the .editorconfig sections that match one .netdsl file.</summary>
    public static EquatableArray<SeverityOverride> ReadFile(AnalyzerConfigOptions options)
    {
        var overrides = new List<SeverityOverride>();
        foreach (var descriptor in DiagnosticDefinitions.All)
        {
            // Option keys are case-insensitive (AnalyzerConfigOptions.KeyComparer).
            if ((options.TryGetValue(FileKeyPrefix + descriptor.Id + ".severity", out var value)
                 || options.TryGetValue("dotnet_diagnostic." + descriptor.Id + ".severity", out value))
                && Parse(value) is { } severity)
                overrides.Add(new SeverityOverride(descriptor.Id, severity));
        }
        return overrides.ToEquatableArray();
    }

    public static ConfiguredSeverity? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "default" => ConfiguredSeverity.Default,
        "none" => ConfiguredSeverity.None,
        "silent" or "refactoring" => ConfiguredSeverity.Silent,
        "suggestion" => ConfiguredSeverity.Suggestion,
        "warning" => ConfiguredSeverity.Warning,
        "error" => ConfiguredSeverity.Error,
        _ => null,
    };

    /// <summary>The severity to report with, or null when the user turned the diagnostic off.</summary>
    public static DiagnosticSeverity? Apply(EquatableArray<SeverityOverride> overrides, string id, DiagnosticSeverity coreSeverity)
    {
        foreach (var o in overrides)
        {
            if (!string.Equals(o.Id, id, StringComparison.OrdinalIgnoreCase)) continue;
            return o.Severity switch
            {
                ConfiguredSeverity.None => null,
                ConfiguredSeverity.Silent => DiagnosticSeverity.Hidden,
                ConfiguredSeverity.Suggestion => DiagnosticSeverity.Info,
                ConfiguredSeverity.Warning => DiagnosticSeverity.Warning,
                ConfiguredSeverity.Error => DiagnosticSeverity.Error,
                _ => coreSeverity,
            };
        }
        return coreSeverity;
    }
}

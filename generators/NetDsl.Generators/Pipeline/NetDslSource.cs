using NetDsl.Model;

namespace NetDsl.Generators.Pipeline;

/// <summary>
/// One .netdsl additional file with everything the generator reads about it: its text, the namespace to
/// generate into and the user's severity choices for it. A value (equality by content), so an unrelated edit
/// — or the same text saved again — stops the pipeline here.
/// </summary>
internal sealed record NetDslSource(string Path, string Text, string Namespace, EquatableArray<SeverityOverride> Severities);

/// <summary>A <c>dotnet_diagnostic.NDSLxxxx.severity</c> entry that applies to one .netdsl file.</summary>
internal sealed record SeverityOverride(string Id, ConfiguredSeverity Severity);

/// <summary>The values .editorconfig accepts for a diagnostic's severity, as NetDsl applies them.</summary>
internal enum ConfiguredSeverity
{
    Default,
    None,
    Silent,
    Suggestion,
    Warning,
    Error,
}

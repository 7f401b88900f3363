using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetDsl.Generators.Tests.Support;

/// <summary>
/// Analyzer options computed the way the compiler computes them: real .editorconfig / .globalconfig text
/// parsed by Roslyn's AnalyzerConfig, plus MSBuild properties (build_property.*) as global options.
/// </summary>
internal sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly ImmutableDictionary<string, string> _global;

    public ConfigOptionsProvider(IEnumerable<(string Path, string Text)> configs, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        _set = AnalyzerConfigSet.Create(configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToImmutableArray());
        var global = _set.GlobalConfigOptions.AnalyzerOptions.ToBuilder();
        foreach (var (key, value) in buildProperties ?? new Dictionary<string, string>())
            global["build_property." + key] = value;
        _global = global.ToImmutable();
    }

    public static ConfigOptionsProvider Empty { get; } = new(System.Array.Empty<(string, string)>());

    public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(_global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

    /// <summary>The compilation with the configs' global severities, as the compiler sets them up (.globalconfig).</summary>
    public CSharpCompilation ApplyTo(CSharpCompilation compilation) =>
        compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new GlobalSeverities(_set.GlobalConfigOptions.TreeOptions)));

    private AnalyzerConfigOptions For(string path) => new DictionaryOptions(_set.GetOptionsForSourcePath(path).AnalyzerOptions);

    private sealed class GlobalSeverities : SyntaxTreeOptionsProvider
    {
        private readonly ImmutableDictionary<string, ReportDiagnostic> _severities;

        public GlobalSeverities(ImmutableDictionary<string, ReportDiagnostic> severities) => _severities = severities;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _severities.TryGetValue(diagnosticId, out severity);
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) =>
            _values = values.WithComparers(KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}

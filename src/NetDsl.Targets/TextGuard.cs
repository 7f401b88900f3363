using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Targets;

/// <summary>
/// Collects NDSL1010 (UnsafeText) while a renderer builds its view-model: every string headed for a
/// configuration line goes through <see cref="Text"/>, which checks it with <see cref="ConfigText"/> and
/// records a diagnostic at the model element's span when it is refused. The value is returned unchanged
/// either way; a guard with errors makes the renderer return no artifact.
/// </summary>
internal sealed class TextGuard
{
    private readonly string _target;
    private readonly List<NetDslDiagnostic> _diagnostics = new();

    /// <param name="target">The format, as the message reads it: "an IOS configuration", "an nftables ruleset".</param>
    public TextGuard(string target) => _target = target;

    public IReadOnlyList<NetDslDiagnostic> Diagnostics => _diagnostics;

    /// <param name="what">What the value is, e.g. "interface", "zone", "NPTv6 rule".</param>
    public string Text(string? value, string what, SourceSpan span)
    {
        var problem = ConfigText.FindUnsafe(value);
        if (problem is not null)
            _diagnostics.Add(NetDslDiagnostic.Create(DiagnosticDefinitions.UnsafeText, span, Capitalise(what), "'" + ConfigText.Visible(value) + "'", problem, _target));
        return value ?? "";
    }

    /// <summary>Reports a value the target cannot express at all (not a character problem), with an explicit descriptor.</summary>
    public void Report(DiagnosticDefinition descriptor, SourceSpan span, params object?[] args) =>
        _diagnostics.Add(NetDslDiagnostic.Create(descriptor, span, args));

    public RenderResult Result(IEnumerable<Artifact> artifacts) => RenderResult.From(artifacts, _diagnostics);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
}

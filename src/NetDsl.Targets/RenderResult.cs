using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>
/// What rendering produced: the artifacts and the diagnostics that stopped (or accompanied) them. A value from
/// the model that a target format cannot carry safely is a diagnostic here, never an exception or an escaped
/// surprise in the output. When <see cref="HasErrors"/> is true, callers must write nothing.
/// </summary>
public sealed record RenderResult(EquatableArray<Artifact> Artifacts, EquatableArray<NetDslDiagnostic> Diagnostics)
{
    public static RenderResult Empty => new(EquatableArray<Artifact>.Empty, EquatableArray<NetDslDiagnostic>.Empty);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<NetDslDiagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public static RenderResult Success(IEnumerable<Artifact> artifacts) => new(artifacts.ToEquatableArray(), EquatableArray<NetDslDiagnostic>.Empty);

    /// <summary>Artifacts only when no diagnostic is an error: a model a target refuses yields no file for that target.</summary>
    public static RenderResult From(IEnumerable<Artifact> artifacts, IEnumerable<NetDslDiagnostic> diagnostics)
    {
        var all = diagnostics.ToEquatableArray();
        bool failed = all.Any(d => d.Severity == Severity.Error);
        return new RenderResult(failed ? EquatableArray<Artifact>.Empty : artifacts.ToEquatableArray(), all);
    }
}

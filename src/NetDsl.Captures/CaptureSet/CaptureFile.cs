using System.Collections.Generic;
using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures;

/// <summary>One capture file, read: which device and command it came from, and what it says.</summary>
/// <param name="Path">The path as the verifier should print it (relative to where the directory was given).</param>
/// <param name="Format">Null when the command could not be identified (then <see cref="Errors"/> says so).</param>
/// <param name="IsPartial">Filtered or elided: a fact missing from it is "not covered", not "failed".</param>
public sealed record CaptureFile(
    string Path,
    string Device,
    string? Command,
    CaptureFormat? Format,
    EquatableArray<Observation> Observations,
    EquatableArray<CaptureError> Errors,
    bool IsPartial)
{
    public IEnumerable<T> OfType<T>() where T : Observation => Observations.OfType<T>();
}

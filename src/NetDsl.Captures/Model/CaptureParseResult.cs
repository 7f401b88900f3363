using System.Linq;
using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// What a parser read from one capture: the observations, the errors (file and line), the device and command the
/// capture says it came from, and whether the capture is known to be partial.
/// </summary>
/// <param name="IsPartial">
/// True when the capture shows only part of what the device had: an elision such as the seed's <c>(~省略~)</c>, or a
/// filter in the command (<c>| grep -v docker0</c>, <c>| in ::/0</c>). A verifier must then report a missing fact as
/// "not covered" rather than "failed", since its absence proves nothing.
/// </param>
public sealed record CaptureParseResult<T>(
    string Device,
    string? Command,
    EquatableArray<T> Observations,
    EquatableArray<CaptureError> Errors,
    bool IsPartial)
    where T : Observation
{
    public bool HasErrors => !Errors.IsEmpty;

    /// <summary>The same result typed as the common base, for code that handles every format alike.</summary>
    public CaptureParseResult<Observation> Widen() =>
        new(Device, Command, Observations.Cast<Observation>().ToEquatableArray(), Errors, IsPartial);
}

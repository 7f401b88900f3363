using NetDsl.Captures.Model;

namespace NetDsl.Captures.Verification;

internal enum FindingKind
{
    Match,
    Mismatch,

    /// <summary>The subject (interface, route, rule…) is not in this capture.</summary>
    Absent,

    /// <summary>This capture cannot say (another network's inspect, a redaction with no parameter…).</summary>
    Inconclusive,
}

/// <summary>
/// What one capture file says about one fact. An <see cref="FindingKind.Absent"/> subject fails the fact only when
/// <see cref="Conclusive"/> and the capture is complete: a partial capture, a `nft list chain` of another chain or a
/// conntrack event log proves nothing by leaving something out.
/// </summary>
internal sealed record Finding(FindingKind Kind, string? Observed, CaptureLocation? Location, string? Note, bool Conclusive)
{
    public static Finding Match(string observed, CaptureLocation at, string? note = null) => new(FindingKind.Match, observed, at, note, true);

    public static Finding Mismatch(string observed, CaptureLocation at, string? note = null) => new(FindingKind.Mismatch, observed, at, note, true);

    /// <param name="what">Printed as the observation when the absence fails the fact, e.g. "no interface eth0".</param>
    public static Finding Absent(string what, bool conclusive = true, string? note = null) => new(FindingKind.Absent, what, null, note, conclusive);

    public static Finding Inconclusive(string note) => new(FindingKind.Inconclusive, null, null, note, false);
}

namespace NetDsl.Captures.Model;

/// <summary>
/// One fact read from a capture. <see cref="Device"/> is the device the capture was taken on (from the file name
/// rule or the header line, see docs/captures.md); <see cref="Location"/> is the line it was printed on, so a failed
/// fact can point at it. Records give value equality: the same text always gives equal observations.
/// </summary>
public abstract record Observation(string Device, CaptureLocation Location);

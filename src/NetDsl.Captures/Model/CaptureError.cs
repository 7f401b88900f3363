namespace NetDsl.Captures.Model;

/// <summary>
/// Something in a capture could not be read. Parsers report these instead of throwing, keep going with the next
/// line, and name the file and line so the operator can look at exactly what the device printed.
/// </summary>
public sealed record CaptureError(string File, int Line, string Message)
{
    public CaptureLocation Location => new(File, Line);

    public static CaptureError At(CaptureLocation location, string message) => new(location.File, location.Line, message);

    public override string ToString() => Location + ": " + Message;
}

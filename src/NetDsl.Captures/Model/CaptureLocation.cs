using System.Globalization;

namespace NetDsl.Captures.Model;

/// <summary>Where an observation or error came from: a capture file and a 1-based line in it.</summary>
public readonly record struct CaptureLocation(string File, int Line)
{
    public override string ToString() => File + ":" + Line.ToString(CultureInfo.InvariantCulture);
}

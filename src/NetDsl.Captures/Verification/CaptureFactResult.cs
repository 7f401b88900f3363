using NetDsl.Captures.Model;
using NetDsl.Planning;

namespace NetDsl.Captures.Verification;

public enum CaptureOutcome
{
    Pass,
    Fail,

    /// <summary>No capture shows the fact (none of that command from that device, or only partial ones without it).</summary>
    NotCovered,
}

/// <summary>
/// One fact of the <see cref="VerifyPlan"/> held against the captures: what was observed and where (file and line),
/// or why no capture covers it.
/// </summary>
public sealed record CaptureFactResult(VerifyFact Fact, CaptureOutcome Outcome, string? Observed, CaptureLocation? Location, string? Note)
{
    public string Label => Outcome switch
    {
        CaptureOutcome.Pass => "PASS",
        CaptureOutcome.Fail => "FAIL",
        _ => "NOT-COVERED",
    };

    /// <summary>Where it was seen: <c>file:line</c>, or only the file when the fact is absent from it.</summary>
    public string? Where => Location is { } at ? (at.Line > 0 ? at.ToString() : at.File) : null;

    public override string ToString()
    {
        string text = Label + " " + Fact.Describe() + ": expected " + Fact.Expected;
        if (Outcome != CaptureOutcome.NotCovered) text += ", observed " + Observed + (Where is null ? "" : " (" + Where + ")");
        return Note is null ? text : text + " — " + Note;
    }
}

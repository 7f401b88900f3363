using System.Collections.Generic;
using System.Linq;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Verification;

/// <summary>The result of checking a plan against captures: one result per fact, and what could not be read.</summary>
/// <param name="Warnings">Captures that check nothing, e.g. from a device the file does not declare (a misspelt name).</param>
public sealed record CaptureVerifyReport(IReadOnlyList<CaptureFactResult> Results, IReadOnlyList<CaptureError> Errors, IReadOnlyList<string> Warnings)
{
    public int Passed => Results.Count(r => r.Outcome == CaptureOutcome.Pass);

    public int Failed => Results.Count(r => r.Outcome == CaptureOutcome.Fail);

    public int NotCovered => Results.Count(r => r.Outcome == CaptureOutcome.NotCovered);

    /// <summary>A capture that cannot be read is a failure too: the operator must see that part of the evidence was lost.</summary>
    public bool Succeeded => Failed == 0 && Errors.Count == 0;

    public string Summary =>
        $"verify (captures): {Passed} passed, {Failed} failed, {NotCovered} not covered, {Errors.Count} capture errors";
}

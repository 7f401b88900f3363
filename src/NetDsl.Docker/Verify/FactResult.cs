using NetDsl.Planning;

namespace NetDsl.Docker.Verify;

public enum FactOutcome
{
    Pass,
    Fail,
    Skipped,
}

/// <summary>One verified fact: expected (from the plan) against observed (from the live system), with a note when a prediction cannot hold.</summary>
public sealed record FactResult(VerifyFact Fact, FactOutcome Outcome, string Observed, string? Note = null)
{
    public override string ToString() =>
        $"{Outcome.ToString().ToUpperInvariant(),-4} {Fact.Describe()}: expected {Fact.Expected}, observed {Observed}" + (Note is null ? "" : " — " + Note);
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Docker.Apply;

public enum StepStatus
{
    Done,
    Unchanged,
    Failed,
    NotAttempted,
    /// <summary>Needs an operator: a restart without --restart-command, a remote daemon.json, a router config.</summary>
    Manual,
}

/// <param name="Blocking">A Manual step that leaves this host unfinished (restart, daemon.json); router configs are not.</param>
public sealed record StepOutcome(string What, StepStatus Status, string? Message = null, bool Blocking = true)
{
    public override string ToString() => $"{Status.ToString().ToLowerInvariant(),-13} {What}" + (Message is null ? "" : ": " + Message);
}

/// <summary>Exactly what apply did and did not do, in order, with the engine calls that changed something.</summary>
public sealed record ApplyReport(IReadOnlyList<StepOutcome> Outcomes, int MutatingCalls, TimeSpan Elapsed)
{
    public bool Failed => Outcomes.Any(o => o.Status == StepStatus.Failed);

    public bool NeedsOperator => Outcomes.Any(o => o.Status == StepStatus.Manual && o.Blocking);
}

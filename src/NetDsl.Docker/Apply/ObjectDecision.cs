using System.Collections.Generic;
using NetDsl.Model;

namespace NetDsl.Docker.Apply;

/// <summary>What apply does with one network or container, decided from its labels against the live engine.</summary>
public enum ObjectAction
{
    /// <summary>Missing: create it.</summary>
    Create,
    /// <summary>Ours with the same settings hash: nothing to do (maybe start or connect, see the decision).</summary>
    Keep,
    /// <summary>Ours, other settings: an error naming each differing field, unless --replace.</summary>
    Drift,
    /// <summary>Ours, other settings, and --replace given: remove and create again.</summary>
    Replace,
    /// <summary>Same name, not ours (no NetDsl labels, or another source file): never touched, always an error.</summary>
    NotOurs,
}

public sealed record FieldDifference(string Field, string Expected, string Observed)
{
    public override string ToString() => $"{Field}: expected {Expected}, engine has {Observed}";
}

/// <summary>
/// The decision for one object. For a kept container, <see cref="NeedsStart"/> and <see cref="MissingConnections"/>
/// let a re-run finish what an interrupted apply left (created but not started or not connected).
/// </summary>
public sealed record ObjectDecision(
    string Kind,
    string Name,
    ObjectAction Action,
    string? Id,
    IReadOnlyList<FieldDifference> Differences,
    string? Note,
    bool NeedsStart = false,
    IReadOnlyList<NetworkAttachment>? MissingConnections = null)
{
    public bool IsError => Action is ObjectAction.Drift or ObjectAction.NotOurs;

    public bool ChangesSomething => Action is ObjectAction.Create or ObjectAction.Replace || NeedsStart || (MissingConnections?.Count ?? 0) > 0;
}

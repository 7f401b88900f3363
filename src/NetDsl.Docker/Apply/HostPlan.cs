using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Docker.DaemonJson;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>A sysctl step with the value the host has now (null: unreadable or absent, e.g. no such interface).</summary>
public sealed record SysctlChange(SetSysctlStep Step, string? Current);

/// <summary>A NetDsl NPTv6 gateway that does not run as its step wants, and what is there now ("not running", …).</summary>
public sealed record GatewayChange(RunNptv6GatewayStep Step, string Current);

/// <summary>
/// The apply plan of one Docker host held against the live system: per object create/keep/drift, the daemon.json
/// diff, whether the engine must restart and what that stops, sysctls and nftables to change. What `netdsl plan`
/// prints and what apply executes.
/// </summary>
public sealed record HostPlan(
    string Host,
    IReadOnlyList<ObjectDecision> Objects,
    string? DaemonJsonPath,
    DaemonJsonMergeResult? DaemonJson,
    string? DaemonJsonNote,
    IReadOnlyList<string> RestartKeys,
    string? RestartReason,
    IReadOnlyList<string> StoppedByRestart,
    IReadOnlyList<SysctlChange> Sysctls,
    IReadOnlyList<LoadNftablesStep> Nftables,
    IReadOnlyList<string> HostNotes,
    IReadOnlyList<PushDeviceConfigStep> Manual,
    IReadOnlyList<PreflightProblem> Problems,
    IReadOnlyList<Orphan>? OrphansOrNone = null,
    IReadOnlyList<string>? NftablesRemovalsOrNone = null,
    string? OwnerWarning = null,
    IReadOnlyList<Orphan>? AsideOrNone = null)
{
    /// <summary>Containers an interrupted replace left renamed aside whose declared name is missing: apply renames them back first.</summary>
    public IReadOnlyList<Orphan> Aside => AsideOrNone ?? Array.Empty<Orphan>();

    /// <summary>Objects of this owner the file no longer declares: apply removes them (after showing them).</summary>
    public IReadOnlyList<Orphan> Orphans => OrphansOrNone ?? Array.Empty<Orphan>();

    /// <summary>Families ("ip", "ip6") whose NetDsl table is loaded but no longer declared: apply deletes the table.</summary>
    public IReadOnlyList<string> NftablesRemovals => NftablesRemovalsOrNone ?? Array.Empty<string>();
    /// <summary>NetDsl NPTv6 gateways to start (or restart): those that do not run as their step wants.</summary>
    public IReadOnlyList<GatewayChange> Gateways { get; init; } = System.Array.Empty<GatewayChange>();

    public bool RestartNeeded => RestartKeys.Count > 0;

    public bool HasErrors => Objects.Any(o => o.IsError) || DaemonJson?.Error is not null || Problems.Count > 0;

    public bool HasChanges =>
        Objects.Any(o => o.ChangesSomething) || DaemonJson?.Changed == true || RestartNeeded || Sysctls.Count > 0 || Nftables.Count > 0
        || Orphans.Count > 0 || NftablesRemovals.Count > 0 || Aside.Count > 0 || Gateways.Count > 0;
}

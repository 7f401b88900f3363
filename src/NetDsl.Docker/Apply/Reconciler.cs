using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Docker.Engine;
using NetDsl.Model;
using NetDsl.Planning;
using NetworkAttachment = NetDsl.Model.NetworkAttachment;

namespace NetDsl.Docker.Apply;

/// <summary>
/// Decides create/keep/drift/replace for every network and container of a plan. Ownership comes from the labels
/// (no source label → not ours, never touched; another source → not ours); whether an owned object is as declared
/// comes from what the engine really has — every attachment, pinned address and setting — compared field by field,
/// never from the hash label alone (labels can be copied, and a container can be reconnected by hand).
/// </summary>
public static class Reconciler
{
    public static async Task<IReadOnlyList<ObjectDecision>> DecideAsync(EngineClient engine, LiveState state, ApplyPlan plan, string host,
        bool replace, CancellationToken ct = default)
    {
        var decisions = new List<ObjectDecision>();
        string source = plan.SourcePath;
        foreach (var step in plan.StepsOn(host).OfType<CreateNetworkStep>())
            decisions.Add(Network(state, step, source, replace));

        var containerSteps = plan.StepsOn(host).OfType<CreateContainerStep>().ToList();
        using var gate = new SemaphoreSlim(8);
        var tasks = containerSteps.Select(async s =>
        {
            await gate.WaitAsync(ct);
            try { return await ContainerAsync(engine, state, s, source, replace, ct); }
            finally { gate.Release(); }
        }).ToList();
        foreach (var t in tasks) decisions.Add(await t);

        // Replacing a network means removing it, which the engine refuses while containers are attached: NetDsl's
        // own containers on it are replaced with it; anyone else's blocks the replace.
        foreach (var net in decisions.Where(d => d.Kind == "network" && d.Action == ObjectAction.Replace).ToList())
        {
            var live = state.NetworksNamed(net.Name).Single();
            foreach (var attached in state.Containers.Where(c => c.NetworkSettings?.Networks?.ContainsKey(net.Name) == true))
            {
                string name = attached.Names.First().TrimStart('/');
                int i = decisions.FindIndex(d => d.Kind == "container" && d.Name == name);
                if (i >= 0 && decisions[i].Action is ObjectAction.Keep or ObjectAction.Replace)
                    decisions[i] = decisions[i] with { Action = ObjectAction.Replace, Note = "replaced with network " + net.Name, NeedsStart = false, MissingConnections = null };
                else if (i < 0)
                    decisions[decisions.IndexOf(net)] = net with { Action = ObjectAction.NotOurs, Note = $"cannot replace network {net.Name}: container {name}, not created from this file, is attached to it ({live.ID[..12]})" };
            }
        }
        return decisions;
    }

    private static ObjectDecision Network(LiveState state, CreateNetworkStep step, string source, bool replace)
    {
        string name = step.Network.Name;
        var found = state.NetworksNamed(name);
        if (found.Count == 0) return new ObjectDecision("network", name, ObjectAction.Create, null, [], null);
        if (found.Count > 1)
            return new ObjectDecision("network", name, ObjectAction.NotOurs, null, [], $"{found.Count} networks are named {name} on the engine; remove the extra ones by hand (docker network rm ID)");
        var live = found[0];
        var owner = Owner(live.Labels, source, "network", name);
        if (owner is not null) return new ObjectDecision("network", name, ObjectAction.NotOurs, live.ID, [], owner);
        var differences = Observed.Compare(SettingsFields.Of(step.Network), Observed.Fields(live));
        return Decide("network", name, live.ID, live.Labels, step.SettingsHash, differences, replace);
    }

    private static async Task<ObjectDecision> ContainerAsync(EngineClient engine, LiveState state, CreateContainerStep step, string source, bool replace, CancellationToken ct)
    {
        string name = step.Container.Name;
        var live = state.ContainerNamed(name);
        if (live is null) return new ObjectDecision("container", name, ObjectAction.Create, null, [], null);
        var owner = Owner(live.Labels, source, "container", name);
        if (owner is not null) return new ObjectDecision("container", name, ObjectAction.NotOurs, live.ID, [], owner);
        ContainerInspectResponse inspected;
        try
        {
            inspected = await engine.Docker.Containers.InspectContainerAsync(live.ID, ct);
        }
        catch (global::Docker.DotNet.DockerContainerNotFoundException)
        {
            // Removed between the list and the inspect: it is missing now.
            return new ObjectDecision("container", name, ObjectAction.Create, null, [], null);
        }
        var (differences, missing) = ContainerDifferences(step.Container, inspected);
        var decision = Decide("container", name, live.ID, live.Labels, step.SettingsHash, differences, replace);
        return decision.Action == ObjectAction.Keep
            ? decision with { NeedsStart = inspected.State?.Running != true, MissingConnections = missing }
            : decision;
    }

    /// <summary>
    /// Every field that differs, and the further networks the container is not connected to (an apply interrupted
    /// before its connects: completed, not drift). The first network missing, or a network the file does not
    /// declare, is drift: NetDsl would otherwise leave a container that is not what the file says.
    /// </summary>
    internal static (IReadOnlyList<FieldDifference> Differences, IReadOnlyList<NetworkAttachment> Missing) ContainerDifferences(Container c, ContainerInspectResponse inspected)
    {
        var connected = inspected.NetworkSettings?.Networks?.Keys.ToHashSet() ?? new HashSet<string>();
        var declared = c.Attachments.Select(a => a.Network).ToHashSet();
        var missing = c.Attachments.Skip(1).Where(a => !connected.Contains(a.Network)).ToList();
        var differences = new List<FieldDifference>();
        var primary = c.Attachments[0].Network;
        if (!connected.Contains(primary)) differences.Add(new FieldDifference("network " + primary, "connected", "not connected"));
        foreach (var extra in connected.Where(n => !declared.Contains(n)).OrderBy(n => n, System.StringComparer.Ordinal))
            differences.Add(new FieldDifference("network " + extra, "not connected", "connected"));
        var unattached = c.Attachments.Where(a => !connected.Contains(a.Network)).Select(a => "network " + a.Network + " ").ToList();
        var expected = SettingsFields.Of(c).Where(f => !unattached.Any(prefix => f.Key.StartsWith(prefix, System.StringComparison.Ordinal))).ToEquatableArray();
        differences.AddRange(Observed.Compare(expected, Observed.Fields(inspected)));
        return (differences, missing);
    }

    /// <summary>Keep only when the engine has every declared setting and the labels claim this file's version of them.</summary>
    private static ObjectDecision Decide(string kind, string name, string id, IDictionary<string, string>? labels, string hash,
        IReadOnlyList<FieldDifference> differences, bool replace)
    {
        bool sameHash = LiveState.LabelsOf(labels).TryGetValue(OwnershipLabels.Hash, out var h) && h == hash;
        if (sameHash && differences.Count == 0) return new ObjectDecision(kind, name, ObjectAction.Keep, id, [], null);
        string why = !sameHash ? "settings differ" : "changed on the engine since NetDsl created it (its labels still claim this file's settings)";
        // Same fields but another hash: the hash covers something the engine does not echo back; say so.
        if (differences.Count == 0) differences = new[] { new FieldDifference("settings hash", "(this file)", "(another version of this file)") };
        return new ObjectDecision(kind, name, replace ? ObjectAction.Replace : ObjectAction.Drift, id, differences,
            replace ? why + "; removed and created again (--replace)" : why + "; apply with --replace to recreate it");
    }

    /// <summary>Null when the object is ours (same source label); else why it is not.</summary>
    private static string? Owner(IDictionary<string, string>? labels, string source, string kind, string name)
    {
        var l = LiveState.LabelsOf(labels);
        if (!l.TryGetValue(OwnershipLabels.Source, out var s))
            return $"a {kind} named {name} exists but was not created by NetDsl (no {OwnershipLabels.Source} label); NetDsl never touches it: rename the {kind} in the file or remove it yourself";
        if (s != source)
            return $"{kind} {name} was created by NetDsl from {s}, not from {source}; rename it in one of the files";
        return null;
    }
}

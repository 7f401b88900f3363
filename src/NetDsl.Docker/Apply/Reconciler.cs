using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using NetDsl.Docker.Engine;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>
/// Decides create/keep/drift/replace for every network and container of a plan, by labels only:
/// no source label → not ours (never touched); another source → not ours; same hash → keep; else drift.
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
        var tasks = containerSteps.Select(s => ContainerAsync(engine, state, s, source, replace, ct)).ToList();
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
        if (LiveState.LabelsOf(live.Labels).TryGetValue(OwnershipLabels.Hash, out var hash) && hash == step.SettingsHash)
            return new ObjectDecision("network", name, ObjectAction.Keep, live.ID, [], null);
        var differences = Differences(SettingsFields.Of(step.Network), Observed.Fields(live));
        return new ObjectDecision("network", name, replace ? ObjectAction.Replace : ObjectAction.Drift, live.ID, differences,
            replace ? "removed and created again (--replace)" : "settings differ; apply with --replace to remove and recreate it");
    }

    private static async Task<ObjectDecision> ContainerAsync(EngineClient engine, LiveState state, CreateContainerStep step, string source, bool replace, CancellationToken ct)
    {
        string name = step.Container.Name;
        var live = state.ContainerNamed(name);
        if (live is null) return new ObjectDecision("container", name, ObjectAction.Create, null, [], null);
        var owner = Owner(live.Labels, source, "container", name);
        if (owner is not null) return new ObjectDecision("container", name, ObjectAction.NotOurs, live.ID, [], owner);
        if (LiveState.LabelsOf(live.Labels).TryGetValue(OwnershipLabels.Hash, out var hash) && hash == step.SettingsHash)
        {
            var connected = live.NetworkSettings?.Networks?.Keys.ToHashSet() ?? new HashSet<string>();
            var missing = step.Container.Attachments.Skip(1).Where(a => !connected.Contains(a.Network)).ToList();
            return new ObjectDecision("container", name, ObjectAction.Keep, live.ID, [], null,
                NeedsStart: live.State != "running", MissingConnections: missing);
        }
        var inspected = await engine.Docker.Containers.InspectContainerAsync(live.ID, ct);
        var differences = Differences(SettingsFields.Of(step.Container), Observed.Fields(inspected));
        return new ObjectDecision("container", name, replace ? ObjectAction.Replace : ObjectAction.Drift, live.ID, differences,
            replace ? "removed and created again (--replace)" : "settings differ; apply with --replace to remove and recreate it");
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

    private static IReadOnlyList<FieldDifference> Differences(EquatableArray<KeyValue> expected, IReadOnlyDictionary<string, string> observed)
    {
        var d = Observed.Compare(expected, observed);
        // Same fields but another hash: the hash covers something the engine does not echo back; say so.
        return d.Count > 0 ? d : new[] { new FieldDifference("settings hash", "(this file)", "(another version of this file)") };
    }
}

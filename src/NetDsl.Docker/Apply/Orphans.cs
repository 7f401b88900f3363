using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Planning;

namespace NetDsl.Docker.Apply;

/// <summary>An object the owner created that the file no longer declares (or a container set aside by an interrupted replace).</summary>
public sealed record Orphan(string Kind, string Name, string Id)
{
    public override string ToString() => Kind + " " + Name;
}

/// <summary>
/// Finds what an owner (label io.netdsl.source) has on the engine that the file does not declare. Without a
/// <c>project</c> statement the owner is a file name, which another file may share: when none of the owner's objects
/// on the engine is one this file declares, they look like another file's, so they are shown with a warning and
/// left alone instead of removed.
/// </summary>
public static class Orphans
{
    /// <summary>
    /// Containers an interrupted replace left renamed aside (<c>NAME.netdsl-aside</c>, the owner's label) whose
    /// declared NAME is missing: apply renames them back before anything else, so a kill between the rename and the
    /// successor's create never loses the old container.
    /// </summary>
    public static IReadOnlyList<Orphan> AsideLeftovers(LiveState state, ApplyPlan plan, string host)
    {
        var containers = plan.StepsOn(host).OfType<CreateContainerStep>().Select(s => s.Container.Name).ToHashSet(StringComparer.Ordinal);
        return state.Containers
            .Where(c => LiveState.LabelsOf(c.Labels).TryGetValue(OwnershipLabels.Source, out var s) && s == plan.SourcePath)
            .Select(c => (Name: c.Names.First().TrimStart('/'), c.ID))
            .Where(c => c.Name.EndsWith(Replacement.AsideSuffix, StringComparison.Ordinal))
            .Select(c => (c.Name, c.ID, Original: c.Name[..^Replacement.AsideSuffix.Length]))
            .Where(c => containers.Contains(c.Original) && state.ContainerNamed(c.Original) is null)
            .Select(c => new Orphan("container", c.Name, c.ID))
            .ToList();
    }

    public static (IReadOnlyList<Orphan> Orphans, string? Warning) Find(LiveState state, ApplyPlan plan, string host, bool ownerIsProject)
    {
        var leftovers = AsideLeftovers(state, plan, host).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var networks = plan.StepsOn(host).OfType<CreateNetworkStep>().Select(s => s.Network.Name).ToHashSet(StringComparer.Ordinal);
        var containers = plan.StepsOn(host).OfType<CreateContainerStep>().Select(s => s.Container.Name).ToHashSet(StringComparer.Ordinal);
        bool Owned(IDictionary<string, string>? labels) => LiveState.LabelsOf(labels).TryGetValue(OwnershipLabels.Source, out var s) && s == plan.SourcePath;

        var ownedContainers = state.Containers.Where(c => Owned(c.Labels)).Select(c => (Name: c.Names.First().TrimStart('/'), c.ID)).ToList();
        var ownedNetworks = state.Networks.Where(n => Owned(n.Labels)).Select(n => (n.Name, n.ID)).ToList();
        var orphans = ownedContainers.Where(c => !containers.Contains(c.Name) && !leftovers.Contains(c.ID)).Select(c => new Orphan("container", c.Name, c.ID))
            .Concat(ownedNetworks.Where(n => !networks.Contains(n.Name)).Select(n => new Orphan("network", n.Name, n.ID)))
            .OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        if (orphans.Count == 0 || ownerIsProject) return (orphans, null);
        bool anyDeclaredIsOurs = ownedContainers.Any(c => containers.Contains(c.Name)) || ownedNetworks.Any(n => networks.Contains(n.Name));
        if (anyDeclaredIsOurs || networks.Count + containers.Count == 0) return (orphans, null);
        return (Array.Empty<Orphan>(),
            $"{orphans.Count} object(s) labelled {OwnershipLabels.Source}={plan.SourcePath} ({string.Join(", ", orphans.Take(5))}) are not declared by this file, and none it declares is among them: "
            + $"they look like another file named {plan.SourcePath}'s, so they are left alone; give each file its own `project NAME` statement");
    }
}

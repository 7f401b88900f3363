using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Generators.Emit;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Generators.Pipeline;

/// <summary>
/// Cuts what one compiled file generates into parts. A file with at most <see cref="PartSize"/> networks and as many
/// containers — every hand-written lab — is one generated file. A larger one is a main file plus one file per slice
/// of networks or containers, each holding its values (spans relative to their statements, so position-free) and their
/// pieces of the plans (<see cref="PlanOutline"/>): after a one-line edit only the slice holding the edited statement differs, so Roslyn
/// re-emits and re-parses that slice alone, and the main file, which changes with every edit, stays small.
/// Nothing is planned here: the core's planners give the outlines, and their pieces per network and container.
/// </summary>
internal static class PartPlanner
{
    public const int PartSize = 256;

    public static (MainPart Main, List<ListPart> Lists) Plan(CompiledFile file, NetworkModel model)
    {
        bool split = model.Networks.Count > PartSize || model.Containers.Count > PartSize;
        var hostIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < model.Hosts.Count; i++) hostIndex[model.Hosts[i].Name] = i;
        var networksByName = model.Networks.ToDictionary(n => n.Name, StringComparer.Ordinal);

        var lists = new List<ListPart>();
        var hosts = new List<PartHosts>();
        void Add(PartKind kind, int count, Func<int, (object Value, string Name, string? Host)> item)
        {
            var members = new MemberNames(kind.ToString());
            var parts = new List<PartItem>();
            for (int i = 0; i < count; i++)
            {
                var (value, name, host) = item(i);
                int index = host is not null && hostIndex.TryGetValue(host, out int h) ? h : -1;
                parts.Add(new PartItem(value, members.Claim(name), index < 0 ? null : host, index));
                if (parts.Count == PartSize || i == count - 1)
                {
                    var part = new ListPart(kind, lists.Count(l => l.Kind == kind), parts.ToEquatableArray());
                    lists.Add(part);
                    hosts.Add(new PartHosts(kind, part.Index, part.Items.Where(p => p.Host is not null).Select(p => p.HostIndex).Distinct().OrderBy(x => x).ToEquatableArray()));
                    parts.Clear();
                }
            }
        }

        Add(PartKind.Networks, model.Networks.Count, i => (model.Networks[i], model.Networks[i].Name, model.Networks[i].Host));
        Add(PartKind.Containers, model.Containers.Count, i =>
        {
            var c = model.Containers[i];
            return (c, c.Name, PlanOutline.HostOf(c, networksByName));
        });

        var main = new MainPart(file, ApplyPlanner.Header(model), VerifyPlanner.Header(model), ApplyPlanner.Outline(model), VerifyPlanner.Outline(model),
            hosts.ToEquatableArray(), split ? EquatableArray<ListPart>.Empty : lists.ToEquatableArray());
        return (main, split ? lists : new List<ListPart>());
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Generators.Emit;
using NetDsl.Model;
using NetDsl.Planning;
using NetDsl.Text;

namespace NetDsl.Generators.Pipeline;

/// <summary>
/// Cuts what one compiled file generates into parts. A file whose networks, containers, apply steps and verify facts
/// each fit in one part (<see cref="PartSize"/>) — every hand-written lab — is one generated file. A larger one is a
/// main file plus one file per slice of those lists, each slice's values moved into their own frames
/// (<see cref="SpanShift"/>): after a one-line edit only the slice holding the edited statement differs, so Roslyn
/// re-emits and re-parses that slice alone, and the main file, which changes with every edit, stays small.
/// The plans come from the core's planners, as they would at run time; nothing is planned here.
/// </summary>
internal static class PartPlanner
{
    public const int PartSize = 256;

    public static (MainPart Main, List<ListPart> Lists) Plan(CompiledFile file, NetworkModel model)
    {
        var apply = ApplyPlanner.Plan(model);
        var verify = VerifyPlanner.Plan(model);
        var networkMembers = Members("Networks", model.Networks.Select(n => n.Name));
        var containerMembers = Members("Containers", model.Containers.Select(c => c.Name));
        bool split = model.Networks.Count > PartSize || model.Containers.Count > PartSize || apply.Steps.Count > PartSize || verify.Facts.Count > PartSize;

        var lists = new List<ListPart>();
        var memo = SpanShift.NewMemo();
        var frames = new List<PartFrames>();
        void Add(PartKind kind, IReadOnlyList<object> values, Func<object, string?> member, Func<object, IEnumerable<NamedValue>>? references)
        {
            for (int index = 0, start = 0; start < values.Count; index++, start += PartSize)
            {
                var items = new List<PartItem>();
                var itemFrames = new List<SpanFrame?>();
                var named = new List<NamedValue>();
                for (int i = start; i < Math.Min(start + PartSize, values.Count); i++)
                {
                    var value = values[i];
                    SpanFrame? frame = split && SpanShift.Anchor(value) is { } anchor ? SpanFrame.Of(anchor) : null;
                    var moved = frame is { } f ? SpanShift.Move(value, f, memo) : value;
                    items.Add(new PartItem(moved, member(value), frame is not null));
                    itemFrames.Add(frame);
                    if (references is not null) named.AddRange(references(moved));
                }
                var part = new ListPart(kind, index, items.ToEquatableArray(), named.ToEquatableArray());
                lists.Add(part);
                if (itemFrames.Any(f => f is not null)) frames.Add(new PartFrames(part.Frames.Substring("_Frames.".Length), itemFrames.ToEquatableArray()));
            }
        }

        Add(PartKind.Networks, model.Networks.Cast<object>().ToList(), v => networkMembers[((DockerNetwork)v).Name], null);
        Add(PartKind.Containers, model.Containers.Cast<object>().ToList(), v => containerMembers[((Container)v).Name], null);
        IEnumerable<NamedValue> StepReferences(object step) => step switch
        {
            CreateContainerStep c => new[] { new NamedValue(c.Container, "Containers." + containerMembers[c.Container.Name]) },
            CreateNetworkStep n => new[] { new NamedValue(n.Network, "Networks." + networkMembers[n.Network.Name]) },
            _ => Array.Empty<NamedValue>(),
        };
        Add(PartKind.ApplySteps, apply.Steps.Cast<object>().ToList(), _ => null, StepReferences);
        Add(PartKind.VerifyFacts, verify.Facts.Cast<object>().ToList(), _ => null, null);
        var counts = Enum.GetValues(typeof(PartKind)).Cast<PartKind>().Where(k => k != PartKind.Main)
            .Select(k => new PartCount(k, lists.Count(l => l.Kind == k))).ToEquatableArray();
        // Constructed, not `with`: the core's init accessors differ between its netstandard2.0 and net10.0 builds.
        var main = new MainPart(file, new ApplyPlan(apply.SourcePath, EquatableArray<ApplyStep>.Empty), new VerifyPlan(verify.SourcePath, EquatableArray<VerifyFact>.Empty), counts, frames.ToEquatableArray(), split ? EquatableArray<ListPart>.Empty : lists.ToEquatableArray());
        return (main, split ? lists : new List<ListPart>());
    }

    /// <summary>The typed member of every name in a category, claimed in declaration order (as the binder declared them).</summary>
    private static Dictionary<string, string> Members(string category, IEnumerable<string> names)
    {
        var members = new MemberNames(category);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (!map.ContainsKey(name)) map[name] = members.Claim(name);
        return map;
    }
}

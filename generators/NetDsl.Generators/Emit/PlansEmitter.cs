using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Generators.Pipeline;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Generators.Emit;

/// <summary>
/// <c>ApplyPlan</c> and <c>VerifyPlan</c> as object construction, from the core planners' outlines
/// (<see cref="PlanOutline"/>): the fixed runs written here, each host's per-network and per-container pieces taken
/// from the list parts that hold those networks and containers (<see cref="ListPartEmitter"/>), in outline order. The
/// generated code describes the plans and needs no planner at run time; nothing is planned in two places. Steps and
/// facts refer to the typed members (a container step holds <c>Containers.Cnt01</c> itself, not a copy).
/// </summary>
internal static class PlansEmitter
{
    public static void Write(CodeWriter w, ValueEmitter values, MainPart main)
    {
        w.Line("/// <summary>");
        w.Line("/// What applying the file does, in order: daemon.json, an engine restart where networking keys changed,");
        w.Line("/// sysctls, networks, containers (create, connect, start), nftables, then device configs to install by hand.");
        w.Line("/// Equal to <c>global::NetDsl.Planning.ApplyPlanner.Plan(Model)</c>, computed when this file was generated.");
        w.Line("/// </summary>");
        w.Write("public static global::NetDsl.Planning.ApplyPlan ApplyPlan { get; } = ");
        WritePlan(w, values, main, main.ApplyHeader, main.ApplyOutline, typeof(ApplyStep));
        w.Line(";");
        w.Line();

        w.Line("/// <summary>");
        w.Line("/// What should hold once the plan is applied: engine version, network inspect fields, addresses, link-locals,");
        w.Line("/// routes and pings. Equal to <c>global::NetDsl.Planning.VerifyPlanner.Plan(Model)</c>, computed when this file was generated.");
        w.Line("/// </summary>");
        w.Write("public static global::NetDsl.Planning.VerifyPlan VerifyPlan { get; } = ");
        WritePlan(w, values, main, main.VerifyHeader, main.VerifyOutline, typeof(VerifyFact));
        w.Line(";");
        w.Line();

        WriteCreate(w, "ApplyPlan", "ApplyPlanner");
        WriteCreate(w, "VerifyPlan", "VerifyPlanner");
    }

    // The header record with its list written as the concatenation of the outline's runs.
    private static void WritePlan<T>(CodeWriter w, ValueEmitter values, MainPart main, object header, EquatableArray<PlanSegment<T>> outline, Type element)
    {
        var shape = RecordShape.Of(header.GetType());
        w.Line("new(").Indent();
        for (int i = 0; i < shape.Parameters.Length; i++)
        {
            var p = shape.Parameters[i];
            w.Write(p.Name).Write(": ");
            if (p.Property.PropertyType == typeof(EquatableArray<T>)) WriteRuns(w, values, main, outline, element);
            else values.Write(w, shape.Getters[i](header), p.Property.PropertyType);
            if (i < shape.Parameters.Length - 1) w.Line(",");
        }
        w.Write(")").Outdent();
    }

    private static void WriteRuns<T>(CodeWriter w, ValueEmitter values, MainPart main, EquatableArray<PlanSegment<T>> outline, Type element)
    {
        string typeName = ValueEmitter.TypeName(element);
        var hostIndex = main.File.Model!.Hosts.Select((h, i) => (h.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var runs = new List<Action>();
        foreach (var segment in outline)
        {
            if (segment.Piece is not { } piece)
            {
                if (segment.Fixed.Count == 0) continue;
                runs.Add(() =>
                {
                    w.Write("new " + typeName + "[] {").Indent();
                    foreach (var item in segment.Fixed)
                    {
                        w.Line();
                        values.Write(w, item, element);
                        w.Write(",");
                    }
                    w.Outdent().Line().Write("}");
                });
                continue;
            }
            var kind = segment.IsPerNetwork ? PartKind.Networks : PartKind.Containers;
            int host = hostIndex[segment.Host!];
            foreach (var part in main.Parts.Where(p => p.Kind == kind && p.Hosts.Contains(host)))
            {
                runs.Add(() => w.Write(kind + "." + ListPart.PieceMethodOf(part.Index, piece, host) + "()"));
            }
        }
        if (runs.Count == 0)
        {
            w.Write(ListHelpers.NameOf(element) + "()");
            return;
        }
        w.Write("_Concat(").Indent();
        for (int i = 0; i < runs.Count; i++)
        {
            w.Line();
            runs[i]();
            if (i < runs.Count - 1) w.Write(",");
        }
        w.Write(")").Outdent();
    }

    // Other parameters mean another model (see Create), so the plan is computed from it at run time by the same planner.
    private static void WriteCreate(CodeWriter w, string plan, string planner)
    {
        w.Line("/// <summary>The " + plan + " for the given parameters (<see cref=\"" + plan + "\"/> itself for <see cref=\"Parameters.Default\"/>);");
        w.Line("/// other values are planned at run time by <c>global::NetDsl.Planning." + planner + "</c> from <see cref=\"Create(Parameters)\"/>.</summary>");
        w.Line("public static global::NetDsl.Planning." + plan + " Create" + plan + "(Parameters parameters) =>");
        w.Line("    parameters == Parameters.Default ? " + plan + " : global::NetDsl.Planning." + planner + ".Plan(Create(parameters));");
        w.Line();
    }
}

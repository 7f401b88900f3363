using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Generators.Emit;

/// <summary>
/// <c>ApplyPlan</c> and <c>VerifyPlan</c> as object construction. The plans come from the core's planners, run
/// at build time on the model just bound (<see cref="Pipeline.PartPlanner"/>); their steps and facts are written in
/// the parts, and here concatenated. The generated code describes them and needs no planner at run time; nothing
/// is planned in two places. Steps and facts refer to the typed members (a container step holds
/// <c>Containers.Cnt01</c> itself, not a copy). Executing a plan is the runtime libraries' business.
/// </summary>
internal static class PlansEmitter
{
    /// <param name="values">Lists of steps and facts are overridden by the parts' slices (<see cref="Pipeline.ListPart"/>).</param>
    /// <param name="applyHeader">The plan without its steps (they are in the parts); likewise <paramref name="verifyHeader"/>.</param>
    public static void Write(CodeWriter w, ValueEmitter values, ApplyPlan applyHeader, VerifyPlan verifyHeader)
    {
        w.Line("/// <summary>");
        w.Line("/// What applying the file does, in order: daemon.json, an engine restart where networking keys changed,");
        w.Line("/// sysctls, networks, containers (create, connect, start), nftables, then device configs to install by hand.");
        w.Line("/// Equal to <c>global::NetDsl.Planning.ApplyPlanner.Plan(Model)</c>, computed when this file was generated.");
        w.Line("/// </summary>");
        w.Write("public static global::NetDsl.Planning.ApplyPlan ApplyPlan { get; } = ");
        values.WriteExpanded(w, applyHeader, typeof(ApplyPlan));
        w.Line(";");
        w.Line();

        w.Line("/// <summary>");
        w.Line("/// What should hold once the plan is applied: engine version, network inspect fields, addresses, link-locals,");
        w.Line("/// routes and pings. Equal to <c>global::NetDsl.Planning.VerifyPlanner.Plan(Model)</c>, computed when this file was generated.");
        w.Line("/// </summary>");
        w.Write("public static global::NetDsl.Planning.VerifyPlan VerifyPlan { get; } = ");
        values.WriteExpanded(w, verifyHeader, typeof(VerifyPlan));
        w.Line(";");
        w.Line();

        WriteCreate(w, "ApplyPlan", "ApplyPlanner");
        WriteCreate(w, "VerifyPlan", "VerifyPlanner");
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

using System.Linq;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>Every fact that should hold once the plan is applied, in a stable order (engine, networks, containers, host, pings).</summary>
public sealed record VerifyPlan(string SourcePath, EquatableArray<VerifyFact> Facts)
{
    public System.Collections.Generic.IEnumerable<T> FactsOf<T>() where T : VerifyFact => Facts.OfType<T>();
}

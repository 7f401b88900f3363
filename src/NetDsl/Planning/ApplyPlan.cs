using System.Linq;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// The ordered steps that bring the described world about: daemon.json, engine restart, networks, containers
/// (create, connect, start), nftables, sysctls, device configs. Pure data with value equality: the CLI executes
/// it, the source generator emits it as typed C#.
/// </summary>
/// <param name="SourcePath">
/// The owner as the ownership label names it (<see cref="NetworkModel.Owner"/>): the <c>project NAME</c>, else the
/// file name only, so running from another folder, or with an absolute path, neither changes rendered artifacts nor
/// disowns objects.
/// </param>
public sealed record ApplyPlan(string SourcePath, EquatableArray<ApplyStep> Steps)
{
    public System.Collections.Generic.IEnumerable<T> StepsOf<T>() where T : ApplyStep => Steps.OfType<T>();

    public System.Collections.Generic.IEnumerable<ApplyStep> StepsOn(string device) => Steps.Where(s => s.Device == device);
}

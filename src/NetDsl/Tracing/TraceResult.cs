using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Tracing;

/// <summary>What happened to an address at one hop: masquerade, un-masquerade (conntrack), NPTv6 out or in.</summary>
public sealed record Rewrite(string Kind, string Field, IpAddress From, IpAddress To, string Detail);

/// <summary>
/// One device the packet crossed: where it came in and went out, the route that matched, the rewrites applied,
/// and the packet's addresses as they leave the device.
/// </summary>
public sealed record TraceHop(
    string Device,
    string? Ingress,
    string? Egress,
    string? Route,
    IpAddress Source,
    IpAddress Destination,
    EquatableArray<Rewrite> Rewrites,
    string? Note);

/// <summary>
/// A traced path: the forward hops, then (when the forward path arrives) the reply's hops back. When a path
/// breaks, <see cref="BrokenAt"/> names the device and <see cref="Reason"/> says why, and the hops stop there.
/// <see cref="Arrived"/> says whether the echo request reached the target (also when its reply then breaks), and
/// <see cref="SourceAtTarget"/> is its source there, after every rewrite on the way. <see cref="DeliveredTo"/> names the
/// device the request was delivered to: the target, or another device that holds the same address.
/// </summary>
public sealed record TraceResult(
    string From,
    string To,
    IpAddress Source,
    IpAddress Destination,
    EquatableArray<TraceHop> Forward,
    EquatableArray<TraceHop> Return,
    bool Succeeded,
    string? BrokenAt,
    string? Reason,
    bool Arrived = false,
    string? DeliveredTo = null,
    bool SourceUnknown = false)
{
    /// <summary>
    /// The echo request's source as the target sees it; null when it did not arrive, or when the kernel picks the source
    /// among link-locals the file cannot predict (<see cref="SourceUnknown"/>, see <see cref="TopologyInterface.KernelLinkLocal"/>).
    /// </summary>
    public IpAddress? SourceAtTarget => Arrived && !SourceUnknown && Forward.Count > 0 ? Forward[Forward.Count - 1].Source : null;

    public override string ToString() =>
        Succeeded ? $"{From} -> {To}: ok ({Forward.Count} hops out, {Return.Count} back)" : $"{From} -> {To}: broken at {BrokenAt}: {Reason}";
}

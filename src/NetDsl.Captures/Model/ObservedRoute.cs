using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// A kernel route as `ip route` / `ip -6 route` prints it:
/// <c>default via fe80::1 dev ens192 proto ra metric 100 pref medium</c>. "default" is ::/0 (0.0.0.0/0 for IPv4);
/// a bare address is a host route (/128, /32). <see cref="Type"/> is "unicast" unless printed (local, unreachable…).
/// A multipath route gives one observation per nexthop. Words the parser does not know go to <see cref="Extra"/>.
/// </summary>
public sealed record ObservedRoute(
    string Device,
    string Type,
    CapturedPrefix Destination,
    CapturedAddress? Via,
    string? Interface,
    string? Proto,
    int? Metric,
    string? Scope,
    CapturedAddress? Source,
    string? Pref,
    EquatableArray<string> Extra,
    CaptureLocation Location) : Observation(Device, Location);

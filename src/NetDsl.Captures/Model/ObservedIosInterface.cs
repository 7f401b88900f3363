using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// An <c>interface</c> block of a Cisco IOS running-config: its IPv6 addresses, link-local address
/// (<c>ipv6 address FE80::1 link-local</c>), IPv4 address, description and whether it is shut down.
/// </summary>
public sealed record ObservedIosInterface(
    string Device,
    string Name,
    EquatableArray<CapturedPrefix> Ipv6Addresses,
    CapturedAddress? LinkLocal,
    CapturedPrefix? Ipv4Address,
    string? Description,
    bool Shutdown,
    CaptureLocation Location) : Observation(Device, Location);

namespace NetDsl.Captures.Model;

/// <summary>
/// A configured static route on a router or firewall: Cisco IOS <c>ipv6 route ::/0 Vlan252 FD5A:CEB9:ED8D:FEFC::1</c>,
/// or a PAN-OS virtual-router static route from a `set` export. <see cref="Vrf"/> is the IOS VRF or the PAN-OS
/// virtual router; <see cref="Name"/> the IOS <c>name</c> or the PAN-OS route name.
/// </summary>
public sealed record ObservedStaticRoute(
    string Device,
    CapturedPrefix Destination,
    string? Interface,
    CapturedAddress? NextHop,
    int? Distance,
    string? Name,
    string? Vrf,
    CaptureLocation Location) : Observation(Device, Location);

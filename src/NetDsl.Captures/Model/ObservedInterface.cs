using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// A link as `ip addr` prints it (<c>82: eth0@if83: &lt;BROADCAST,…&gt; mtu 1500 … state UP</c>) with its addresses.
/// <see cref="LinkPeer"/> is the part after "@" (<c>if83</c>: the veth peer's index in another namespace).
/// </summary>
public sealed record ObservedInterface(
    string Device,
    string Name,
    int Index,
    string? LinkPeer,
    EquatableArray<string> LinkFlags,
    int? Mtu,
    string? State,
    string? LinkType,
    MacAddress? Mac,
    EquatableArray<ObservedAddress> Addresses,
    CaptureLocation Location) : Observation(Device, Location);

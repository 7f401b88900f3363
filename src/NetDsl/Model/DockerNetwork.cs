using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>
/// A user-defined Docker network on one host, with at least one declared subnet. A network with an IPv6 subnet
/// (<see cref="Subnet6"/> and <see cref="Gateway6"/> set) is IPv6-enabled; one with only an IPv4 subnet is
/// IPv4-only (<see cref="EnableIpv6"/> false: created without EnableIPv6, its containers get no IPv6 address on it).
/// On an IPv6-enabled network the IPv4 subnet is optional — Docker always allocates one, but only a declared one lets
/// NetDsl predict container IPv4 and MAC addresses (and from them the EUI-64 link-locals). Each family may have an
/// ip-range, the part of its subnet containers are given addresses from. <see cref="EnableIpv4"/> false
/// (<c>ipv4 false</c>) makes it IPv6-only: no IPv4 at all (EnableIPv4, Docker 28.0 and API 1.48). The binder never
/// makes a network with neither family.
/// </summary>
public sealed record DockerNetwork(
    string Name,
    string Host,
    string Driver,
    IpPrefix? Subnet6,
    IpAddress? Gateway6,
    IpPrefix? IpRange6,
    IpPrefix? Subnet4,
    IpAddress? Gateway4,
    IpPrefix? IpRange4,
    string? BridgeName,
    EquatableArray<KeyValue> Options,
    EquatableArray<KeyValue> Labels,
    BridgePrediction Bridge,
    SourceSpan Span,
    bool EnableIpv4 = true)
{
    /// <summary>Whether the network has IPv6 (an IPv6 subnet); false for an IPv4-only network.</summary>
    public bool EnableIpv6 => Subnet6 is not null;
}

/// <summary>A string option or label, kept in declaration order.</summary>
public sealed record KeyValue(string Key, string Value);

/// <summary>
/// What the host's bridge interface will carry (seed: ::1/64 and fe80::1/64 on br_ipv6_nw). <see cref="Global"/> is
/// null on an IPv4-only network.
/// </summary>
public sealed record BridgePrediction(string? InterfaceName, IpPrefix? Global, IpAddress? LinkLocal, IpPrefix? Ipv4);

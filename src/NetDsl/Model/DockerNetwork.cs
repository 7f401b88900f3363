using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>
/// A user-defined Docker network on one host. <see cref="Subnet6"/> is required (NetDsl is about IPv6);
/// the IPv4 subnet is optional — Docker always allocates one, but only a declared one lets NetDsl predict
/// container IPv4 and MAC addresses (and from them the EUI-64 link-locals). Each family may have an ip-range, the part of
/// its subnet containers are given addresses from. <see cref="EnableIpv4"/> false (<c>ipv4 false</c>) makes it
/// IPv6-only: no IPv4 at all (EnableIPv4, Docker 28.0 and API 1.48).
/// </summary>
public sealed record DockerNetwork(
    string Name,
    string Host,
    string Driver,
    IpPrefix Subnet6,
    IpAddress Gateway6,
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
    public bool EnableIpv6 => true;
}

/// <summary>A string option or label, kept in declaration order.</summary>
public sealed record KeyValue(string Key, string Value);

/// <summary>What the host's bridge interface will carry (seed: ::1/64 and fe80::1/64 on br_ipv6_nw).</summary>
public sealed record BridgePrediction(string? InterfaceName, IpPrefix Global, IpAddress? LinkLocal, IpPrefix? Ipv4);

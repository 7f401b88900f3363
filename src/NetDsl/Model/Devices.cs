using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>Configuration dialect of a router or firewall.</summary>
public enum Dialect
{
    Ios,
    PanOs,
}

/// <summary>A router (dialect ios): interfaces and static routes (seed: ipv6 route ::/0 Vlan252 FD5A:CEB9:ED8D:FEFC::1).</summary>
public sealed record Router(string Name, Dialect Dialect, EquatableArray<NetworkInterface> Interfaces, EquatableArray<Route> Routes, SourceSpan Span);

/// <summary>A firewall (dialect panos): zoned interfaces, static routes, allow rules, NPTv6 rules.</summary>
public sealed record Firewall(
    string Name,
    Dialect Dialect,
    EquatableArray<NetworkInterface> Interfaces,
    EquatableArray<Route> Routes,
    EquatableArray<AllowRule> Allows,
    EquatableArray<Nptv6Rule> Nptv6Rules,
    SourceSpan Span);

/// <summary>A security rule passing traffic from one zone to another (a NAT rule alone passes nothing on PAN-OS).</summary>
public sealed record AllowRule(string Name, string FromZone, string ToZone, SourceSpan Span);

/// <summary>
/// An NPTv6 (RFC 6296) rule: packets from <see cref="FromZone"/> to <see cref="ToZone"/> leaving through
/// <see cref="Interface"/> get their inside prefix replaced by the outside prefix, checksum-neutrally.
/// RFC 6296 is 1:1; the seed's shortcut puts two inside prefixes on one outside prefix (a warning).
/// </summary>
public sealed record Nptv6Rule(string Name, string FromZone, string ToZone, string Interface, EquatableArray<Nptv6Mapping> Mappings, SourceSpan Span);

public sealed record Nptv6Mapping(IpPrefix Inside, IpPrefix Outside, SourceSpan Span);

/// <summary>
/// The internet side: the upstream router's interfaces, its routes back to translated prefixes, and named
/// external hosts (dns.google) that expectations can ping.
/// </summary>
public sealed record Upstream(string Name, EquatableArray<NetworkInterface> Interfaces, EquatableArray<Route> Routes, EquatableArray<ExternalHost> Hosts, SourceSpan Span);

public sealed record ExternalHost(string Name, IpAddress Address, SourceSpan Span);

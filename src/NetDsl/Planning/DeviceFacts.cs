using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>Which kind of device a fact about declared configuration lives on (what a capture of it looks like).</summary>
public enum DeviceRole
{
    DockerHost,
    Router,
    Firewall,
}

/// <summary>
/// An address the file declares on an interface of a Docker host (its uplink, e.g. ens192), a router or a firewall.
/// <see cref="PrefixLength"/> is null for a declared link-local: devices print those with different lengths
/// (PAN-OS shows <c>fe80::1/128</c>, IOS none, Linux /64), so only the address is compared.
/// Live verify cannot observe routers and firewalls; these facts are checked from captures.
/// </summary>
public sealed record DeviceAddressFact(string Device, DeviceRole Role, string Interface, IpAddress Address, int? PrefixLength)
    : VerifyFact(Device + "/interface/" + Interface + "/" + Address, Device, Interface,
        PrefixLength is { } length ? Address + "/" + length : Address.ToString())
{
    public bool IsLinkLocal => PrefixLength is null;

    public override string Describe() =>
        RoleNames.Of(Role) + " " + Device + " " + Interface + (IsLinkLocal ? " link-local" : " address");
}

/// <summary>A firewall interface is in the zone the file gives it (PAN-OS `show interface all` prints the zone).</summary>
public sealed record ZoneFact(string Device, string Interface, string Zone)
    : VerifyFact(Device + "/interface/" + Interface + "/zone", Device, Interface, Zone)
{
    public override string Describe() => "firewall " + Device + " " + Interface + " zone";
}

/// <summary>
/// A configured static route of a router or firewall (IOS <c>ipv6 route ::/0 Vlan252 FD5A:…::1</c>, a PAN-OS
/// virtual-router route). Host and container routes are <see cref="RouteFact"/>s: they come from <c>ip -6 route</c>.
/// </summary>
public sealed record StaticRouteFact(string Device, DeviceRole Role, IpPrefix Destination, string? Interface, IpAddress? NextHop)
    : VerifyFact(Device + "/static-route/" + Destination + (NextHop is { } hop ? "/" + hop : ""), Device, Destination.ToString(),
        Destination + " via" + (Interface is null ? "" : " " + Interface) + (NextHop is { } h ? " " + h : ""))
{
    public override string Describe() => RoleNames.Of(Role) + " " + Device + " static route " + Destination;
}

/// <summary>
/// The host's masquerade as an nftables rule (<see cref="Rule"/> is the rule text NetDsl renders, e.g.
/// <c>oifname != "lo" masquerade</c>). Which table and chain hold it does not matter: the seed's is firewalld's
/// <c>ip6 firewalld nat_POST_public_allow</c>, NetDsl's own is <c>ip6 netdsl postrouting</c>; both do the same.
/// </summary>
public sealed record MasqueradeFact(string Device, IpFamily Family, string Rule)
    : VerifyFact(Device + "/nft/" + NftablesRuleset.Family(Family) + "/masquerade/" + Rule, Device, "masquerade", Rule)
{
    public override string Describe() => "host " + Device + " masquerade (" + NftablesRuleset.Family(Family) + ")";
}

/// <summary>
/// The connection-tracking entry a masqueraded <c>expect ping</c> leaves on the host, from <c>PathTracer</c>:
/// the original tuple (container → target) and the reply tuple (target → the host's uplink address), as
/// <c>conntrack -E</c> prints them. Live verify does not watch conntrack events; captures show them.
/// </summary>
public sealed record ConntrackFact(
    string Device,
    string From,
    string Target,
    string Protocol,
    IpAddress OriginalSource,
    IpAddress OriginalDestination,
    IpAddress ReplySource,
    IpAddress ReplyDestination)
    : VerifyFact(Device + "/conntrack/" + From + "->" + Target, Device, From + " -> " + Target,
        Protocol + " src=" + OriginalSource + " dst=" + OriginalDestination + " … src=" + ReplySource + " dst=" + ReplyDestination)
{
    public override string Describe() => "host " + Device + " conntrack of ping " + From + " -> " + Target;
}

/// <summary>One field of a PAN-OS NAT rule NetDsl renders for an <c>nptv6</c> block.</summary>
public enum NatRuleField
{
    Type,
    FromZone,
    ToZone,
    ToInterface,
    Sources,
    TranslatedSource,
}

/// <summary>
/// A field of a firewall NAT rule. <see cref="Prefixes"/> holds the expected prefixes of
/// <see cref="NatRuleField.Sources"/> (the inside prefixes, compared as a set) and
/// <see cref="NatRuleField.TranslatedSource"/> (the outside prefix); the other fields are text in <see cref="VerifyFact.Expected"/>.
/// </summary>
public sealed record NatRuleFact(string Device, string Rule, NatRuleField Field, string Value, EquatableArray<IpPrefix> Prefixes)
    : VerifyFact(Device + "/nat/" + Rule + "/" + Field.ToString().ToLowerInvariant(), Device, Rule, Value)
{
    public static NatRuleFact Text(string device, string rule, NatRuleField field, string value) =>
        new(device, rule, field, value, EquatableArray<IpPrefix>.Empty);

    public static NatRuleFact Of(string device, string rule, NatRuleField field, System.Collections.Generic.IEnumerable<IpPrefix> prefixes)
    {
        var list = prefixes.Distinct().ToEquatableArray();
        return new(device, rule, field, string.Join(", ", list), list);
    }

    public override string Describe() => "firewall " + Device + " NAT rule " + Rule + " " + Field;
}

internal static class RoleNames
{
    public static string Of(DeviceRole role) => role switch
    {
        DeviceRole.DockerHost => "host",
        DeviceRole.Router => "router",
        _ => "firewall",
    };
}

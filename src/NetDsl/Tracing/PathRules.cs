using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Nptv6;

namespace NetDsl.Tracing;

/// <summary>
/// Who puts a rule on the real device, and so who puts it on the lab's: the lab lowers only what a vendor device
/// would be configured with (<see cref="File"/>, <see cref="VendorDefault"/>); on a Docker host it runs NetDsl's own
/// apply and a real dockerd, which make the rest. Trace reads every rule whoever makes it.
/// </summary>
public enum RuleMaker
{
    /// <summary>A statement of the file (an allow rule, an NPTv6 rule, a route).</summary>
    File,

    /// <summary>The vendor's built-in behaviour: PAN-OS's intrazone-default allow and interzone-default deny, a router forwarding.</summary>
    VendorDefault,

    /// <summary>`netdsl apply` on a Docker host: the masquerade (nftables), IPv6 forwarding.</summary>
    Apply,

    /// <summary>The Docker engine itself: its iptables chains, IPv4 forwarding, the bridges.</summary>
    Engine,
}

/// <summary>Which packets a filter rule matches: every packet, or only replies within a session something let through.</summary>
public enum PacketMatch
{
    All,
    Replies,
}

public enum FilterAction
{
    Accept,
    Drop,
}

/// <summary>An interface condition of a rule: any interface, one of <see cref="Names"/>, or (negated) none of them.</summary>
public sealed record InterfaceMatch(EquatableArray<string> Names, bool Negated)
{
    public static InterfaceMatch Any { get; } = new(EquatableArray<string>.Empty, false);

    public static InterfaceMatch Of(params string[] names) => new(names.ToEquatableArray(), false);

    public static InterfaceMatch Not(params string[] names) => new(names.ToEquatableArray(), true);

    public bool IsAny => Names.Count == 0 && !Negated;

    /// <summary>Whether a packet entering or leaving by <paramref name="name"/> matches; null is no interface (made on the device itself).</summary>
    public bool Matches(string? name) =>
        IsAny || (Negated ? name is null || !Names.Contains(name) : name is not null && Names.Contains(name));

    /// <summary>
    /// Both conditions at once (a rule that writes two, as <c>oifname != "X" oifname "Y"</c> does), as one condition
    /// matching exactly what both match — or null when no interface can match both: <c>Y</c> and <c>not Y</c>, two
    /// disjoint lists. Packets made on the device itself (no interface) match the result as they match both.
    /// </summary>
    public InterfaceMatch? And(InterfaceMatch other)
    {
        if (IsAny) return other;
        if (other.IsAny) return this;
        if (Negated && other.Negated) return new(Names.Union(other.Names).ToEquatableArray(), true);
        var (only, exclude) = Negated ? (other, this) : (this, other);
        var left = exclude.Negated ? only.Names.Where(n => !exclude.Names.Contains(n)) : only.Names.Where(n => exclude.Names.Contains(n));
        var names = left.Distinct().ToArray();
        return names.Length == 0 ? null : Of(names);
    }

    public override string ToString() => IsAny ? "any" : (Negated ? "not " : "") + string.Join(",", Names);
}

/// <summary>
/// One rule of a device's forward filter. A device's rules are evaluated in order, the first that matches decides,
/// and a packet no rule matches gets the <see cref="FilterPolicy"/> of its family. <see cref="Origin"/> says where the
/// rule comes from ("allow trust_to_untrust", "PAN-OS intrazone-default", "Docker: …"), for trace's messages.
/// </summary>
public sealed record FilterRule(IpFamily? Family, InterfaceMatch In, InterfaceMatch Out, PacketMatch Packets, FilterAction Action, string Origin, RuleMaker Maker)
{
    public bool Matches(IpFamily family, string? ingress, string? egress, bool isReply) =>
        (Family is null || Family == family) && In.Matches(ingress) && Out.Matches(egress) && (Packets == PacketMatch.All || isReply);
}

/// <summary>What a device's forward filter does with a packet of <see cref="Family"/> that no rule matched.</summary>
public sealed record FilterPolicy(IpFamily Family, FilterAction Action, string Origin, RuleMaker Maker);

/// <summary>Whether a device forwards packets of one family at all (Linux: net.ipv4.ip_forward, net.ipv6.conf.all.forwarding).</summary>
public sealed record ForwardingFact(IpFamily Family, bool On, string Origin, RuleMaker Maker);

public enum NatKind
{
    /// <summary>Source NAT to the egress interface's address, undone for the replies by conntrack.</summary>
    Masquerade,

    /// <summary>RFC 6296 source prefix translation, inside to outside (stateless).</summary>
    Nptv6Outbound,

    /// <summary>RFC 6296 destination prefix translation, outside to inside (stateless).</summary>
    Nptv6Inbound,
}

/// <summary>
/// One translation rule of a device. Source translations (masquerade, NPTv6 outbound) are evaluated in order as a
/// packet leaves, destination translations (NPTv6 inbound) as it arrives; the first that matches translates, as
/// PAN-OS's NAT policy does top-down. <see cref="Rule"/> names the file's rule (shown in the hop).
/// </summary>
public sealed record NatRule(
    NatKind Kind,
    IpFamily Family,
    InterfaceMatch In,
    InterfaceMatch Out,
    IpPrefix? Source,
    IpPrefix? Destination,
    Nptv6PrefixPair? Prefixes,
    string Rule,
    string Origin,
    RuleMaker Maker)
{
    /// <summary>Whether the rule applies to a packet (new, not a reply) entering by <paramref name="ingress"/> and leaving by <paramref name="egress"/>.</summary>
    public bool Matches(IpAddress src, IpAddress dst, string? ingress, string? egress) =>
        (Family == IpFamily.Ipv4) == src.IsV4 && In.Matches(ingress) && Out.Matches(egress)
        && (Source is null || Source.Value.Contains(src)) && (Destination is null || Destination.Value.Contains(dst));
}

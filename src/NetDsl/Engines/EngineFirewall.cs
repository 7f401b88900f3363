using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Engines;

/// <summary>A bridge network's gateway mode (bridge options gateway_mode_ipv4 / gateway_mode_ipv6; default nat).</summary>
public enum GatewayMode
{
    Nat,
    NatUnprotected,
    Routed,
    Isolated,
}

/// <summary>What the engine's own filter does with new connections into a bridge network (replies always pass).</summary>
public enum EngineInbound
{
    /// <summary>No rule of the engine decides: the FORWARD chain's policy does.</summary>
    ByPolicy,

    /// <summary>Dropped by the engine's own rule.</summary>
    Drop,

    /// <summary>ICMP (echo included) accepted, everything else dropped (routed mode from 28.0).</summary>
    IcmpOnly,

    /// <summary>Accepted by the engine's own rule.</summary>
    Accept,
}

/// <summary>
/// The engine's rules for one bridge network and one family: whether it masquerades the subnet (leaving by any other
/// interface), and what it does with new connections into the bridge from outside the host's bridges
/// (<see cref="Inbound"/>) and from its other bridges (<see cref="FromOtherBridges"/>). Traffic leaving the bridge,
/// staying on it and replies into it are always accepted (moby setupIPTablesInternal, netavark NETAVARK_FORWARD).
/// </summary>
public sealed record EngineBridgeRules(
    string Network,
    string? Bridge,
    IpPrefix Subnet,
    GatewayMode Mode,
    bool Masquerade,
    EngineInbound Inbound,
    EngineInbound FromOtherBridges,
    string Source);

/// <summary>
/// What a host's container engine does in its firewall for one family, by itself: nothing when <see cref="Active"/>
/// is false (ip6tables off, iptables off), else its rules per bridge network and, when it sets one, the FORWARD
/// policy (<see cref="PolicyDrop"/>: DROP for everything forwarded that no rule accepts, the host's own routing
/// included). <see cref="Backend"/> is where the rules live (iptables, or nftables' "docker-bridges" tables).
/// Computed from the engine table for the declared engine and daemon settings; trace and check walk it, the lab's
/// real engine makes it, verify reads it back from ip6tables-save / nft list ruleset.
/// </summary>
public sealed record EngineFirewall(
    EngineRelease Engine,
    IpFamily Family,
    bool Active,
    bool PolicyDrop,
    FirewallBackend Backend,
    EquatableArray<EngineBridgeRules> Bridges,
    string Source)
{
    /// <summary>The engine's firewall for one family of a host, given its networks (in declaration order).</summary>
    public static EngineFirewall For(DockerHost host, IEnumerable<DockerNetwork> networks, IpFamily family)
    {
        var engine = host.Engine;
        var d = host.Daemon;
        bool active = family == IpFamily.Ipv6 ? d.Ip6Tables ?? EngineTable.Ip6TablesDefault.For(engine, false) : d.Iptables ?? true;
        var backend = EngineTable.FirewallBackends.For(engine, FirewallBackend.Iptables) switch
        {
            FirewallBackend.Nftables when d.FirewallBackend == "nftables" => FirewallBackend.Nftables,
            FirewallBackend.Netavark => FirewallBackend.Netavark,
            _ => FirewallBackend.Iptables,
        };
        if (!active)
        {
            string off = family == IpFamily.Ipv6 ? "ip6tables" : "iptables";
            return new EngineFirewall(engine, family, false, false, backend, EquatableArray<EngineBridgeRules>.Empty,
                $"{engine.Title} makes no {off} rules ({off} {(family == IpFamily.Ipv6 && d.Ip6Tables is null ? "is off by default before 27.0" : "false")})");
        }
        var policy = (family == IpFamily.Ipv6 ? EngineTable.ForwardPolicies : EngineTable.Ipv4ForwardPolicies).RowFor(engine);
        bool policyDrop = family == IpFamily.Ipv4
            // IPv4: the lab's (and a fresh host's) ip_forward is off, so dockerd turns it on and sets DROP.
            ? policy is { Value: not ForwardPolicy.Untouched }
            : policy?.Value switch
            {
                ForwardPolicy.DropWhenActive => true,
                // 28.0: only when dockerd turned forwarding on itself. apply turns IPv6 forwarding on before creating
                // networks, so dockerd does so only for docker0 at its start, which has IPv6 only with daemon ipv6 true.
                ForwardPolicy.DropWhenEngineEnablesForwarding => d.Ipv6 == true,
                _ => false,
            };
        var bridges = new List<EngineBridgeRules>();
        foreach (var n in networks.Where(n => n.Host == host.Name))
        {
            var subnet = family == IpFamily.Ipv6 ? (IpPrefix?)n.Subnet6 : n.Subnet4;
            if (subnet is not { } s) continue;
            var mode = GatewayModeOf(n, family);
            bool masquerade = (mode is GatewayMode.Nat or GatewayMode.NatUnprotected) && !MasqueradeOff(n);
            var inbound = EngineTable.Inbound.For(engine, null)?.Of(mode) ?? EngineInbound.ByPolicy;
            var fromBridges = EngineTable.BetweenNetworks.For(engine, null)?.Of(mode) ?? EngineInbound.Drop;
            bridges.Add(new EngineBridgeRules(n.Name, n.BridgeName, s, mode, masquerade, inbound, fromBridges,
                EngineTable.Inbound.RowFor(engine)?.Source ?? EngineTable.BetweenNetworks.RowFor(engine)?.Source ?? ""));
        }
        return new EngineFirewall(engine, family, true, policyDrop, backend, bridges.ToEquatableArray(),
            policy?.Source ?? "not modelled for " + engine.Title);
    }

    /// <summary>
    /// The engine's masquerade of one network as its firewall prints it (ip6tables-save / nft list ruleset), with
    /// <paramref name="bridge"/> for the bridge's name: what verify looks for and what NDSL3206 quotes.
    /// </summary>
    public string MasqueradeRule(EngineBridgeRules b, string bridge) => Backend switch
    {
        FirewallBackend.Nftables => $"oifname != \"{bridge}\" {(Family == IpFamily.Ipv6 ? "ip6" : "ip")} saddr {b.Subnet} masquerade",
        FirewallBackend.Netavark => $"-s {b.Subnet} -j NETAVARK-… ; ! -d {(Family == IpFamily.Ipv6 ? "ff00::/8" : "224.0.0.0/4")} -j MASQUERADE",
        _ => $"-s {b.Subnet} ! -o {bridge} -j MASQUERADE",
    };

    /// <summary>
    /// What verify looks for in the host's firewall (ip6tables-save, nft list ruleset), one expectation per rule the
    /// engine must have made or must not have made. Empty when the engine makes no rules for this family.
    /// </summary>
    public IEnumerable<EngineRuleExpectation> Expectations()
    {
        if (!Active) yield break;
        string icmp = Family == IpFamily.Ipv6 ? "ipv6-icmp" : "icmp";
        foreach (var b in Bridges)
        {
            string br = b.Bridge ?? "<bridge of " + b.Network + ">";
            yield return b.Masquerade
                ? new EngineRuleExpectation(EngineRuleKind.Masquerade, b, MasqueradeRule(b, br))
                : new EngineRuleExpectation(EngineRuleKind.NoMasquerade, b, "no masquerade of " + b.Subnet);
            switch (b.Inbound)
            {
                case EngineInbound.Drop:
                    yield return new EngineRuleExpectation(EngineRuleKind.DropInbound, b, Backend == FirewallBackend.Nftables
                        ? $"chain filter-forward-in__{br}: drop" : $"! -i {br} -o {br} -j DROP");
                    break;
                case EngineInbound.IcmpOnly:
                    yield return new EngineRuleExpectation(EngineRuleKind.AcceptIcmpInbound, b, Backend == FirewallBackend.Nftables
                        ? $"chain filter-forward-in__{br}: {icmp} accept" : $"-o {br} -p {icmp} -j ACCEPT");
                    yield return new EngineRuleExpectation(EngineRuleKind.DropInbound, b, Backend == FirewallBackend.Nftables
                        ? $"chain filter-forward-in__{br}: drop" : $"! -i {br} -o {br} -j DROP");
                    break;
                case EngineInbound.Accept:
                    yield return new EngineRuleExpectation(EngineRuleKind.AcceptInbound, b, Backend == FirewallBackend.Nftables
                        ? $"chain filter-forward-in__{br}: accept (UNPROTECTED)" : $"no DROP of new connections into {br}");
                    break;
            }
            if (b.FromOtherBridges == EngineInbound.Drop && b.Inbound != EngineInbound.Drop)
                yield return new EngineRuleExpectation(EngineRuleKind.DropFromOtherBridges, b, Backend == FirewallBackend.Netavark
                    ? $"-A NETAVARK_ISOLATION_2 -o {br} -j DROP" : $"-A DOCKER-ISOLATION-STAGE-2 -o {br} -j DROP");
        }
        if (PolicyDrop) yield return new EngineRuleExpectation(EngineRuleKind.ForwardPolicyDrop, null, ":FORWARD DROP");
    }

    /// <summary>The network's gateway mode for a family, from its bridge option (default nat).</summary>
    public static GatewayMode GatewayModeOf(DockerNetwork network, IpFamily family)
    {
        string key = family == IpFamily.Ipv6 ? GatewayModeOption6 : GatewayModeOption4;
        var value = network.Options.FirstOrDefault(o => o.Key == key)?.Value;
        return ParseGatewayMode(value) ?? GatewayMode.Nat;
    }

    /// <summary>"nat", "nat-unprotected", "routed", "isolated" as the engine spells them; null for anything else.</summary>
    public static GatewayMode? ParseGatewayMode(string? text) => text switch
    {
        "nat" => GatewayMode.Nat,
        "nat-unprotected" => GatewayMode.NatUnprotected,
        "routed" => GatewayMode.Routed,
        "isolated" => GatewayMode.Isolated,
        _ => null,
    };

    public static string ModeName(GatewayMode mode) => mode switch
    {
        GatewayMode.Nat => "nat",
        GatewayMode.NatUnprotected => "nat-unprotected",
        GatewayMode.Routed => "routed",
        _ => "isolated",
    };

    public const string GatewayModeOption4 = "com.docker.network.bridge.gateway_mode_ipv4";
    public const string GatewayModeOption6 = "com.docker.network.bridge.gateway_mode_ipv6";
    public const string MasqueradeOption = "com.docker.network.bridge.enable_ip_masquerade";

    /// <summary>The bridge option enable_ip_masquerade=false turns the engine's masquerade off for that network.</summary>
    private static bool MasqueradeOff(DockerNetwork network) => network.Options.Any(o => o.Key == MasqueradeOption && o.Value == "false");
}

/// <summary>Where and how the engine writes its rules.</summary>
public enum FirewallBackend
{
    /// <summary>dockerd's iptables/ip6tables chains (DOCKER, DOCKER-ISOLATION…, nat POSTROUTING).</summary>
    Iptables,

    /// <summary>dockerd's nftables tables ip/ip6 docker-bridges (firewall-backend nftables, 29.0).</summary>
    Nftables,

    /// <summary>netavark's iptables/ip6tables chains (NETAVARK_FORWARD, NETAVARK_ISOLATION_1/2, NETAVARK-…).</summary>
    Netavark,
}

/// <summary>When the engine sets the FORWARD chain's policy to DROP (for a family whose rules it makes).</summary>
public enum ForwardPolicy
{
    /// <summary>Never: the host's policy stays (Podman).</summary>
    Untouched,

    /// <summary>Whenever it makes rules for the family (Docker before 28.0 for IPv6).</summary>
    DropWhenActive,

    /// <summary>Only when it turned forwarding on itself (Docker from 28.0, moby#48594; IPv4 always).</summary>
    DropWhenEngineEnablesForwarding,
}

/// <summary>What the engine does with new connections into a bridge, per gateway mode.</summary>
public sealed record InboundRules(EngineInbound Nat, EngineInbound NatUnprotected, EngineInbound Routed, EngineInbound Isolated)
{
    public EngineInbound Of(GatewayMode mode) => mode switch
    {
        GatewayMode.Nat => Nat,
        GatewayMode.NatUnprotected => NatUnprotected,
        GatewayMode.Routed => Routed,
        _ => Isolated,
    };

    public override string ToString() => Nat == NatUnprotected && Nat == Routed && Nat == Isolated
        ? Text(Nat)
        : $"nat: {Text(Nat)}; nat-unprotected: {Text(NatUnprotected)}; routed: {Text(Routed)}; isolated: {Text(Isolated)}";

    private static string Text(EngineInbound i) => i switch
    {
        EngineInbound.ByPolicy => "FORWARD policy decides",
        EngineInbound.Drop => "dropped",
        EngineInbound.IcmpOnly => "ICMP accepted, rest dropped",
        _ => "accepted",
    };
}

/// <summary>Which rule of the engine's firewall an expectation is about.</summary>
public enum EngineRuleKind
{
    /// <summary>The network's subnet is masqueraded when it leaves by any other interface.</summary>
    Masquerade,

    /// <summary>The network's subnet is not masqueraded (routed mode, enable_ip_masquerade false).</summary>
    NoMasquerade,

    /// <summary>New connections into the bridge from anywhere but itself are dropped (unless a port is published).</summary>
    DropInbound,

    /// <summary>ICMP into the bridge is accepted (routed mode).</summary>
    AcceptIcmpInbound,

    /// <summary>New connections into the bridge are accepted (nat-unprotected).</summary>
    AcceptInbound,

    /// <summary>New connections from the engine's other bridges into this one are dropped (the isolation chains).</summary>
    DropFromOtherBridges,

    /// <summary>The FORWARD chain's policy is DROP.</summary>
    ForwardPolicyDrop,
}

/// <summary>One rule verify expects of the engine's firewall, with its text as the backend prints it.</summary>
public sealed record EngineRuleExpectation(EngineRuleKind Kind, EngineBridgeRules? Bridge, string Text);

using NetDsl.Addressing;
using NetDsl.Engines;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// One fact to check on a live system, independent of how it is observed (Engine API, <c>ip</c> in a container,
/// or a pasted capture). <see cref="Key"/> is stable ("dockerhost/container/cnt01/eth0/ipv6"), <see cref="Device"/>
/// is where the fact lives (a host or a container name), <see cref="Subject"/> what it is about, and
/// <see cref="Expected"/> the canonical text an observation is compared with.
/// </summary>
public abstract record VerifyFact(string Key, string Device, string Subject, string Expected)
{
    public abstract string Describe();
}

/// <summary>The engine's kind and version (major.minor) are the ones the file declares; predictions assume them.</summary>
public sealed record EngineVersionFact(string Device, EngineRelease Engine)
    : VerifyFact(Device + "/engine/version", Device, "engine", Engine.ToString())
{
    public override string Describe() => "engine version";
}

/// <summary>A field of <c>docker network inspect</c>: EnableIPv6, the IPv6 subnet and gateway, the IPv4 ones.</summary>
public sealed record NetworkFieldFact(string Device, string Network, NetworkField Field, string Value)
    : VerifyFact(Device + "/network/" + Network + "/" + Field.ToString().ToLowerInvariant(), Device, Network, Value)
{
    public override string Describe() => "network " + Network + " " + Field;
}

public enum NetworkField
{
    EnableIpv6,
    EnableIpv4,
    Subnet6,
    Gateway6,
    Subnet4,
    Gateway4,
}

/// <summary>
/// An address on an interface. For a container (<see cref="Network"/> set) the interface is its endpoint on that
/// network; for a host bridge, <see cref="Interface"/> may be null when the engine names it (br-&lt;id&gt;), and
/// the observer resolves it from <see cref="Network"/>.
/// </summary>
public sealed record InterfaceAddressFact(string Device, string? Interface, string? Network, IpAddress Address, int PrefixLength, bool IsContainer)
    : VerifyFact(Device + "/" + (IsContainer ? "container" : "bridge") + "/" + (Interface ?? Network) + "/" + Address, Device,
        (Interface ?? "bridge of " + Network), Address + "/" + PrefixLength)
{
    public override string Describe() => (IsContainer ? "container " : "host ") + Device + " " + (Interface ?? "bridge of " + Network) + " has " + Address + "/" + PrefixLength;
}

/// <summary>
/// A container's link-local on a network is the EUI-64 of its actual MAC. <see cref="Predicted"/> is known when
/// the network declares an IPv4 subnet and the engine derives the MAC from it (Docker before 28.0, see
/// <see cref="NetDsl.Engines.EngineTable.ContainerMacs"/>); otherwise the link-local is observed: computed from the
/// MAC the engine reports, never failed for being random.
/// </summary>
public sealed record LinkLocalFact(string Device, string Interface, string Network, IpAddress? Predicted)
    : VerifyFact(Device + "/container/" + Interface + "/link-local", Device, Interface, Predicted?.ToString() ?? "EUI-64 of the MAC")
{
    public override string Describe() => "container " + Device + " " + Interface + " link-local (EUI-64 of its MAC)";
}

/// <summary>A route in <c>ip -6 route</c> of a host or container: destination, next hop (if any), device.</summary>
public sealed record RouteFact(string Device, bool IsContainer, IpPrefix Destination, IpAddress? Via, string? Dev, string? Network)
    : VerifyFact(Device + "/route/" + Destination, Device, Destination.ToString(),
        Destination + (Via is { } v ? " via " + v : "") + " dev " + (Dev ?? "bridge of " + Network))
{
    public override string Describe() => (IsContainer ? "container " : "host ") + Device + " route " + Destination;
}

/// <summary>
/// <c>expect ping FROM -> TO</c> resolved to an address (and a zone for link-locals). <see cref="External"/> targets
/// (hosts outside the described network, e.g. dns.google) need real internet access; lab runs may skip them.
/// </summary>
public sealed record PingFact(string Device, bool FromContainer, string Target, IpAddress Address, string? Zone, bool External)
    : VerifyFact(Device + "/ping/" + Target, Device, Target, "reply from " + Address + (Zone is null ? "" : "%" + Zone))
{
    // Target is the expect's target as written, zone included (fe80::1%eth0): the key needs nothing more.
    public override string Describe() => "ping " + Device + " -> " + Target + " (" + Address + (Zone is null ? "" : "%" + Zone) + ")";
}

/// <summary>
/// A rule the host's container engine makes in its own firewall (<see cref="EngineFirewall"/>): Docker's masquerade
/// of a network, its drops into a bridge, the isolation between bridges, the FORWARD policy; netavark's likewise.
/// <see cref="Bridge"/> is null when the engine names the bridge (the observer resolves it from <see cref="Network"/>).
/// Checked in <c>ip6tables-save</c> or <c>nft list ruleset</c>, live or from captures.
/// </summary>
public sealed record EngineFirewallFact(string Device, IpFamily Family, FirewallBackend Backend, EngineRuleKind Kind, string? Network, IpPrefix? Subnet, string? Bridge, string Rule, string Source)
    : VerifyFact(Device + "/engine-firewall/" + (Family == IpFamily.Ipv6 ? "ip6" : "ip") + "/" + (Network ?? "FORWARD") + "/" + Kind.ToString().ToLowerInvariant(),
        Device, Network ?? "FORWARD", Rule)
{
    public override string Describe() => "host " + Device + " engine firewall (" + (Family == IpFamily.Ipv6 ? "ip6" : "ip") + ") " +
        Kind switch
        {
            EngineRuleKind.Masquerade => "masquerades network " + Network,
            EngineRuleKind.NoMasquerade => "does not masquerade network " + Network,
            EngineRuleKind.DropInbound => "drops new connections into network " + Network,
            EngineRuleKind.AcceptIcmpInbound => "accepts ICMP into network " + Network,
            EngineRuleKind.AcceptInbound => "accepts new connections into network " + Network,
            EngineRuleKind.DropFromOtherBridges => "isolates network " + Network + " from the other bridges",
            _ => "FORWARD policy",
        };
}

/// <summary>
/// NetDsl's NPTv6 gateway for a docker-host's rule runs and translates: its status file says it is running, with the
/// rule's mappings, and its process is alive; the observation adds its counters.
/// </summary>
public sealed record Nptv6GatewayFact(string Device, HostNptv6Rule Rule, int Index)
    : VerifyFact(Device + "/nptv6/" + Rule.Name, Device, Rule.Name, "running: " + string.Join(", ", new Nptv6GatewayService(Device, Rule, Index).MappingTexts))
{
    public Nptv6GatewayService Service => new(Device, Rule, Index);

    public override string Describe() => "NetDsl NPTv6 gateway " + Rule.Name + " on " + Device;
}

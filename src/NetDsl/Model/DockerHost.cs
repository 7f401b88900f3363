using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>The Docker Engine version the address predictions assume (they changed in 27.0 and 28.0).</summary>
public readonly record struct EngineVersion(int Major, int Minor) : System.IComparable<EngineVersion>
{
    public static EngineVersion Default => new(20, 10);

    /// <summary>27.0 stopped adding fe80::1 to bridges (moby#47787).</summary>
    public bool BridgeGetsFe80Colon1 => Major < 27;

    /// <summary>Before 27.0, ip6tables needs experimental.</summary>
    public bool Ip6TablesNeedsExperimental => Major < 27;

    public int CompareTo(EngineVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => Major + "." + Minor.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The daemon.json keys NetDsl owns. A null member is not written (and an existing value is kept on merge).
/// </summary>
public sealed record DaemonSettings(
    bool? Ipv6,
    IpPrefix? FixedCidrV6,
    bool? Ip6Tables,
    bool? Experimental,
    bool? LiveRestore,
    EquatableArray<AddressPool> DefaultAddressPools,
    SourceSpan Span)
{
    public static DaemonSettings Empty => new(null, null, null, null, null, EquatableArray<AddressPool>.Empty, default);

    /// <summary>Keys that SIGHUP does not reload: changing any of them needs an engine restart.</summary>
    public static readonly string[] RestartKeys = { "ipv6", "fixed-cidr-v6", "ip6tables", "experimental", "default-address-pools" };
}

/// <summary>One entry of daemon.json "default-address-pools".</summary>
public sealed record AddressPool(IpPrefix Base, int Size);

/// <summary>
/// Source NAT on the host: "masquerade ipv6 out-not lo" is the seed's firewalld rule
/// <c>oifname != "lo" masquerade</c>. <see cref="OutputInterface"/> limits it to one egress interface instead.
/// </summary>
public sealed record Masquerade(IpFamily Family, string? ExcludedOutputInterface, string? OutputInterface, IpPrefix? Source, SourceSpan Span)
{
    /// <summary>Whether packets leaving through <paramref name="interfaceName"/> are rewritten (the rule's <c>out</c> and <c>out-not</c>).</summary>
    public bool AppliesToOutput(string interfaceName) =>
        (ExcludedOutputInterface is null || ExcludedOutputInterface != interfaceName) && (OutputInterface is null || OutputInterface == interfaceName);

    /// <summary>The rule as the file writes it: <c>masquerade ipv6 out-not lo</c>.</summary>
    public string Describe() =>
        "masquerade " + (Family == IpFamily.Ipv6 ? "ipv6" : "ipv4")
        + (ExcludedOutputInterface is { } outNot ? " out-not " + outNot : "")
        + (OutputInterface is { } output ? " out " + output : "")
        + (Source is { } source ? " source " + source : "");
}

public enum IpFamily
{
    Ipv4,
    Ipv6,
}

/// <summary>
/// NPTv6 on a Docker host by NetDsl's own translator (<c>nptv6 NAME interface IF translator netdsl { … }</c>): packets
/// leaving through <see cref="Interface"/> from an inside prefix get the outside prefix, and packets arriving there for
/// the outside prefix get the inside one back. Apply runs the gateway (<c>netdsl nptv6 run</c>) for it; the mappings are
/// checked as a firewall's are.
/// </summary>
public sealed record HostNptv6Rule(string Name, string Interface, EquatableArray<Nptv6Mapping> Mappings, SourceSpan Span);

/// <summary>A Docker host: its interfaces and routes, daemon settings, engine version, masquerade and NPTv6 rules.</summary>
public sealed record DockerHost(
    string Name,
    EngineVersion Engine,
    EquatableArray<NetworkInterface> Interfaces,
    EquatableArray<Route> Routes,
    DaemonSettings Daemon,
    EquatableArray<Masquerade> Masquerades,
    EquatableArray<HostNptv6Rule> Nptv6Rules,
    SourceSpan Span);

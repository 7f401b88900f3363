using System.Collections.Generic;
using NetDsl.Addressing;
using NetDsl.Engines;
using NetDsl.Text;

namespace NetDsl.Model;

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
    bool? Iptables,
    IpPrefix? Bip6,
    string? FirewallBackend,
    SourceSpan Span)
{
    public static DaemonSettings Empty => new(null, null, null, null, null, EquatableArray<AddressPool>.Empty, null, null, null, default);

    /// <summary>
    /// The keys this file sets, with their values, in the order of <see cref="EngineTable.DaemonKeys"/> (which is
    /// also the order daemon.json is rendered in). A null setting (or no pools) is not set, so a merge keeps
    /// whatever value the existing file has for that key. Whether a key needs a restart is the table's
    /// <see cref="DaemonKey.NeedsRestart"/>.
    /// </summary>
    public IEnumerable<DaemonEntry> Entries()
    {
        foreach (var key in EngineTable.DaemonKeys)
        {
            object? value = key.Setting switch
            {
                "ipv6" => Ipv6,
                "fixed-cidr-v6" => FixedCidrV6?.ToString(),
                "ip6tables" => Ip6Tables,
                "experimental" => Experimental,
                "live-restore" => LiveRestore,
                "default-address-pool" => DefaultAddressPools.IsEmpty ? null : (object)DefaultAddressPools,
                "iptables" => Iptables,
                "bip6" => Bip6?.ToString(),
                "firewall-backend" => FirewallBackend,
                _ => null,
            };
            if (value is not null) yield return new DaemonEntry(key, value);
        }
    }
}

/// <summary>
/// One daemon.json key a file sets and its value: a bool (Boolean keys), a string (Cidr, Address, String keys) or
/// the pools (<see cref="EquatableArray{T}"/> of <see cref="AddressPool"/>).
/// </summary>
public sealed record DaemonEntry(DaemonKey Key, object Value);

/// <summary>One entry of daemon.json "default-address-pools".</summary>
public sealed record AddressPool(IpPrefix Base, int Size);

/// <summary>
/// Source NAT on the host: "masquerade ipv6 out-not lo" is the seed's firewalld rule
/// <c>oifname != "lo" masquerade</c>. <see cref="OutputInterface"/> limits it to one egress interface instead.
/// Which packets it rewrites is said once, by the path model (<see cref="NetDsl.Tracing.DeviceRules.DockerHost"/>).
/// </summary>
public sealed record Masquerade(IpFamily Family, string? ExcludedOutputInterface, string? OutputInterface, IpPrefix? Source, SourceSpan Span)
{
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

/// <summary>A Docker host: its interfaces and routes, daemon settings, engine (kind and version), masquerade and NPTv6 rules.</summary>
public sealed record DockerHost(
    string Name,
    EngineRelease Engine,
    EquatableArray<NetworkInterface> Interfaces,
    EquatableArray<Route> Routes,
    DaemonSettings Daemon,
    EquatableArray<Masquerade> Masquerades,
    EquatableArray<HostNptv6Rule> Nptv6Rules,
    SourceSpan Span);

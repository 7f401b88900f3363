using System;
using System.Collections.Generic;
using System.Linq;
using static NetDsl.Engines.EngineKind;

namespace NetDsl.Engines;

/// <summary>
/// The one table of engine behaviour: every fact NetDsl knows about Docker and Podman that changes with the engine's
/// kind or version, each row citing where it comes from (a moby file or pull request, a release note, or a
/// measurement on this project's engines: Debian 12's docker.io 20.10.24 and podman 4.3.1 with netavark 1.4).
/// It is also the one list of daemon.json keys: their value kinds, the versions that know them and whether only a
/// restart applies them. Binder, predictions, trace, planner, lab, verify and apply read it; nothing else branches
/// on a version number. docs/docker.md's per-version sections are generated from it.
/// </summary>
/// <remarks>
/// "Measured" rows were observed on the real engine (tests in NetDsl.Docker.Tests and NetDsl.Lab.Tests hold them);
/// the others are read from the cited source and, for rule listings, held to moby's own generated documentation
/// (integration/network/bridge/iptablesdoc/generated, copied as fixtures with their Apache-2.0 notice).
/// </remarks>
public static class EngineTable
{
    private static readonly VersionRange DockerAll = VersionRange.Since(20, 10);
    private static readonly VersionRange PodmanAll = VersionRange.Since(4, 3);
    private const string Measured2010 = "measured on Debian 12 docker.io 20.10.24 (notes/docker-ipv6.md)";
    private const string MeasuredPodman = "measured on Debian 12 podman 4.3.1, netavark 1.4 (notes/podman.md)";

    private static EngineRow<T> Row<T>(EngineKind kind, VersionRange versions, T value, string source) => new(kind, versions, value, source);

    private static string YesNo(bool b) => b ? "yes" : "no";

    // ---- Which releases are modelled --------------------------------------------------------------------------

    /// <summary>The releases whose behaviour the table covers; outside them NetDsl warns that predictions may differ (NDSL3007).</summary>
    public static readonly EngineFact<bool> Modelled = new("modelled", "Whether the table covers this release.", YesNo,
        Row(Docker, VersionRange.Between(20, 10, 30, 0), true, "Docker 20.10 (Debian 12) to 29.x: moby v20.10–docker-v29 sources and release notes 27–29"),
        Row(Podman, VersionRange.Between(4, 3, 5, 0), true, MeasuredPodman));

    // ---- Addresses and link-locals ----------------------------------------------------------------------------

    /// <summary>Docker before 27.0 adds fe80::1/64 to every IPv6 bridge (besides the kernel's EUI-64 link-local).</summary>
    public static readonly EngineFact<bool> BridgeGetsFe80Colon1 = new("bridge fe80::1",
        "Whether the engine puts fe80::1/64 on each IPv6 bridge (otherwise only the kernel's link-local, from a random bridge MAC: observed, not predicted).",
        b => b ? "fe80::1/64 and the kernel's (predicted)" : "the kernel's only (observed)",
        Row(Docker, VersionRange.Between(20, 10, 27, 0), true, "moby v20.10 libnetwork/drivers/bridge/setup_ipv6.go (bridgeIPv6 fe80::1/64); " + Measured2010),
        Row(Docker, VersionRange.Since(27, 0), false, "moby#47787, release notes 27.0"),
        Row(Podman, PodmanAll, false, MeasuredPodman));

    /// <summary>How a container's MAC is chosen; from it follows whether the EUI-64 link-local is predictable.</summary>
    public static readonly EngineFact<ContainerMac> ContainerMacs = new("container MAC",
        "How a container's MAC (and so its EUI-64 link-local) is chosen.", m => m == ContainerMac.FromIpv4 ? "02:42 + IPv4 (predicted)" : "random (observed)",
        Row(Docker, VersionRange.Between(20, 10, 28, 0), ContainerMac.FromIpv4, "moby v20.10 libnetwork/netutils/utils.go GenerateMACFromIP; " + Measured2010),
        Row(Docker, VersionRange.Since(28, 0), ContainerMac.Random, "moby#48808, release notes 28.0 (\"randomly generated MAC addresses\")"),
        Row(Podman, PodmanAll, ContainerMac.Random, MeasuredPodman));

    /// <summary>Which address the bridge (the containers' gateway) takes in a network without a declared gateway.</summary>
    public static readonly EngineFact<string> GatewayAddresses = new("bridge address",
        "The bridge's (gateway's) address in a network that declares no gateway.", a => a,
        Row(Docker, DockerAll, "the subnet's first host address (::1, .1) (predicted)", "moby libnetwork/ipam (gateway = first address); " + Measured2010),
        Row(Podman, PodmanAll, "the subnet's first host address (::1, .1) (predicted)", MeasuredPodman));

    /// <summary>How container addresses are handed out; apply pins every predicted one either way.</summary>
    public static readonly EngineFact<string> AddressOrder = new("container addresses",
        "How the engine hands out container addresses (NetDsl predicts the lowest free in declaration order and apply pins each).", a => a,
        Row(Docker, DockerAll, "lowest free after the gateway, in creation order (predicted, pinned by apply)", "moby libnetwork/ipam; " + Measured2010),
        Row(Podman, PodmanAll, "lowest free, but a failed start keeps its address (predicted, pinned by apply)", MeasuredPodman + " (after four failed starts the first running container got ::7)"));
    /// <summary>
    /// Whether a container's interface on an IPv4-only network keeps IPv6 (and so the kernel's EUI-64 link-local of its
    /// MAC). Docker turns IPv6 off in a container's namespace and back on only on interfaces given an IPv6 address.
    /// </summary>
    public static readonly EngineFact<bool> Ipv4OnlyInterfaceKeepsIpv6 = new("IPv4-only interface link-local",
        "Whether a container's interface on an IPv4-only network keeps IPv6 and the kernel's EUI-64 link-local.",
        b => b ? "kept (the kernel's link-local)" : "IPv6 off on the interface (no link-local)",
        Row(Docker, DockerAll, false, "moby v20.10 libnetwork/osl/namespace_linux.go NewSandbox (setIPv6 \"all\" false) and interface_linux.go " +
            "setInterfaceIPv6 (on only with an IPv6 address); since 26.0.2 setIPv6(…, addr != nil) per interface (moby 57dd567, CVE-2024-32473, " +
            "which 26.0.0–26.0.1 lacked)"),
        Row(Podman, PodmanAll, true, "not measured: netavark 1.4 leaves the namespace's IPv6 default (on); the link-local is from a random MAC, " +
            "so nothing is predicted either way"));

    /// <summary>
    /// A container on several networks: whether every network gives it a default route. Docker routes by the first
    /// network's gateway; Podman 4.3 (netavark 1.4) adds one default route per network, all with metric 100, in no
    /// fixed order, so which one the kernel uses — and so the container's source address — is not predicted.
    /// </summary>
    public static readonly EngineFact<bool> DefaultRoutePerNetwork = new("default routes of a container on several networks",
        "Whether each of a container's networks gives it a default route (then the kernel's pick among them is observed, not predicted).",
        b => b ? "one per network, same metric: the kernel's pick is observed" : "the first network's gateway (predicted)",
        Row(Docker, DockerAll, false, "moby libnetwork sandbox (the gateway endpoint is the first network's); " + Measured2010),
        Row(Podman, PodmanAll, true, MeasuredPodman + ": two default routes, metric 100 each; netavark sets the networks up in no fixed " +
            "order (differential seed 17: the later network's route won, the shrunk file's run the earlier's)"));

    /// <summary>How containers on the default bridge get IPv6 addresses from fixed-cidr-v6.</summary>
    public static readonly EngineFact<DefaultBridgeIpv6> DefaultBridgeAddresses = new("default-bridge IPv6",
        "How containers on the default bridge (docker0) get addresses from fixed-cidr-v6.",
        a => a == DefaultBridgeIpv6.FromMacUpTo80 ? "MAC-derived when fixed-cidr-v6 is /80 or shorter" : "IPAM-assigned (::2, ::3…)",
        Row(Docker, VersionRange.Between(20, 10, 28, 0), DefaultBridgeIpv6.FromMacUpTo80, "moby v20.10 libnetwork/drivers/bridge/bridge.go (fixed-cidr-v6 ≤ /80: EUI-64 of the MAC); " + Measured2010),
        Row(Docker, VersionRange.Since(28, 0), DefaultBridgeIpv6.Ipam, "moby#48808, release notes 28.0 (\"IPv6 addresses in the default bridge network are now IPAM-assigned\")"));

    /// <summary>What the engine names a network's bridge when the file gives no bridge-name (trace prints it, verify looks it up).</summary>
    public static readonly EngineFact<BridgeNaming> BridgeNames = new("engine-named bridge",
        "What the engine calls a network's bridge when the file gives no bridge-name (verify asks the engine).",
        n => n == BridgeNaming.NetworkId ? "br- + the network id's first 12 hex digits (observed)" : "podman0, podman1… (observed, from libpod's network inspect)",
        Row(Docker, DockerAll, BridgeNaming.NetworkId, "moby libnetwork/drivers/bridge (a network without com.docker.network.bridge.name gets \"br-\" + id[:12]); " + Measured2010),
        Row(Podman, PodmanAll, BridgeNaming.PodmanIndex, "netavark 1.4 bridge driver (podman + first free index); libpod GET /networks/{name}/json network_interface; " + MeasuredPodman));

    // ---- daemon.json rules ------------------------------------------------------------------------------------

    /// <summary>Whether the engine has a daemon.json at all (Podman's settings live in containers.conf).</summary>
    public static readonly EngineFact<bool> HasDaemonJson = new("daemon.json",
        "Whether the engine reads a daemon.json (and so whether a daemon { } block means anything).", YesNo,
        Row(Docker, DockerAll, true, "dockerd --config-file (default /etc/docker/daemon.json)"),
        Row(Podman, PodmanAll, false, "podman reads containers.conf, never daemon.json (podman 4.3 containers.conf(5))"));

    /// <summary>Whether apply can restart the engine to apply daemon settings.</summary>
    public static readonly EngineFact<bool> Restartable = new("engine restart",
        "Whether applying settings can mean restarting one long-running engine.", YesNo,
        Row(Docker, DockerAll, true, "dockerd is one long-running daemon (systemctl restart docker)"),
        Row(Podman, PodmanAll, false, "podman has no daemon to restart: each API call runs netavark itself (" + MeasuredPodman + ")"));

    /// <summary>ip6tables on by default.</summary>
    public static readonly EngineFact<bool> Ip6TablesDefault = new("ip6tables default",
        "Whether dockerd writes ip6tables rules (NAT, isolation, FORWARD policy) when daemon.json does not say.", YesNo,
        Row(Docker, VersionRange.Between(20, 10, 27, 0), false, "moby v20.10 cmd/dockerd/config_unix.go (--ip6tables default false)"),
        Row(Docker, VersionRange.Since(27, 0), true, "moby#47747, release notes 27.0 (\"ip6tables is enabled by default\")"),
        Row(Podman, PodmanAll, true, "netavark writes ip6tables rules for every IPv6 network; " + MeasuredPodman));

    /// <summary>ip6tables true needs experimental true.</summary>
    public static readonly EngineFact<bool> Ip6TablesNeedsExperimental = new("ip6tables needs experimental",
        "Whether 'ip6tables true' without 'experimental true' stops dockerd.", YesNo,
        Row(Docker, VersionRange.Between(20, 10, 27, 0), true, "moby v20.10 daemon/daemon_unix.go (\"ip6tables rules are only available if experimental features are enabled\"); " + Measured2010),
        Row(Docker, VersionRange.Since(27, 0), false, "moby#47747, release notes 27.0"));

    /// <summary>ipv6 true without fixed-cidr-v6 stops dockerd.</summary>
    public static readonly EngineFact<bool> Ipv6NeedsFixedCidrV6 = new("ipv6 needs fixed-cidr-v6",
        "Whether daemon 'ipv6 true' without 'fixed-cidr-v6' stops dockerd.", YesNo,
        Row(Docker, VersionRange.Between(20, 10, 28, 0), true, "moby v20.10 libnetwork/drivers/bridge (\"IPv6 is enabled for the default bridge, but no subnet is configured\"); " + Measured2010),
        Row(Docker, VersionRange.Since(28, 0), false, "moby#48319, release notes 28.0 (\"--ipv6 can now be used without fixed-cidr-v6\")"));

    /// <summary>A default-address-pools list without an IPv4 pool stops dockerd (the default bridge needs one).</summary>
    public static readonly EngineFact<bool> Ipv6OnlyPoolsStopEngine = new("IPv6-only address pools",
        "Whether a default-address-pools list with no IPv4 pool stops dockerd.", YesNo,
        Row(Docker, VersionRange.Between(20, 10, 27, 0), true, "moby v20.10 libnetwork/ipamutils (IPv4 pools only); " + Measured2010 + ": \"Error creating default \\\"bridge\\\" network\""),
        Row(Docker, VersionRange.Since(27, 0), false, "moby#47768, moby#47853, release notes 27.0 (IPv6 pools of any size, a ULA pool added by default)"));

    // ---- Networks ---------------------------------------------------------------------------------------------

    /// <summary>IPv6-only networks (EnableIPv4 false).</summary>
    public static readonly EngineFact<bool> Ipv6OnlyNetworks = new("IPv6-only networks",
        "Whether a network can be created without IPv4 (EnableIPv4 false, API 1.48).", YesNo,
        Row(Docker, VersionRange.Between(20, 10, 28, 0), false, "API 1.47 and older have no EnableIPv4 (moby docs/api/version-history.md v1.48)"),
        Row(Docker, VersionRange.Since(28, 0), true, "docker/cli#5599, release notes 28.0, API 1.48"),
        Row(Podman, PodmanAll, false, "podman 4.3 compat API 1.41 has no EnableIPv4 (" + MeasuredPodman + ")"));

    /// <summary>Values of com.docker.network.bridge.gateway_mode_ipv4/_ipv6 the engine accepts.</summary>
    public static readonly EngineFact<string[]> GatewayModes = new("gateway modes",
        "Which values of the bridge options gateway_mode_ipv4 / gateway_mode_ipv6 the engine accepts.",
        m => m.Length == 0 ? "none" : string.Join(", ", m),
        Row(Docker, VersionRange.Between(20, 10, 27, 0), Array.Empty<string>(), "no gateway_mode option before moby#47871 (27.0)"),
        Row(Docker, VersionRange.Between(27, 0, 28, 0), new[] { "nat", "routed" }, "moby#47871, release notes 27.0"),
        Row(Docker, VersionRange.Since(28, 0), new[] { "nat", "nat-unprotected", "routed", "isolated" }, "moby#48597, moby#49262, release notes 28.0"),
        Row(Podman, PodmanAll, Array.Empty<string>(), "netavark 1.4 has no gateway modes (" + MeasuredPodman + ")"));

    // ---- The engine's own firewall (per family; only where its rules are on) -----------------------------------

    /// <summary>Which FORWARD policy the engine sets for IPv6 when it makes ip6tables rules.</summary>
    public static readonly EngineFact<ForwardPolicy> ForwardPolicies = new("IPv6 FORWARD policy",
        "When the engine sets the ip6tables FORWARD policy to DROP (which also drops the host's own routing between other interfaces).",
        p => p switch { ForwardPolicy.DropWhenActive => "DROP whenever ip6tables is on", ForwardPolicy.DropWhenEngineEnablesForwarding => "DROP only if the engine turned IPv6 forwarding on", _ => "untouched" },
        Row(Docker, VersionRange.Between(20, 10, 28, 0), ForwardPolicy.DropWhenActive,
            Measured2010 + " (ip6tables true: policy DROP even with net.ipv6.conf.all.forwarding already 1); moby#48365 (27.x)"),
        Row(Docker, VersionRange.Since(28, 0), ForwardPolicy.DropWhenEngineEnablesForwarding, "moby#48594, release notes 28.0"),
        Row(Podman, PodmanAll, ForwardPolicy.Untouched, "netavark adds NETAVARK_FORWARD and leaves the policy ACCEPT; " + MeasuredPodman));

    /// <summary>Which FORWARD policy the engine sets for IPv4 (its rules for IPv4 are on unless iptables is false).</summary>
    public static readonly EngineFact<ForwardPolicy> Ipv4ForwardPolicies = new("IPv4 FORWARD policy",
        "When the engine sets the iptables FORWARD policy to DROP.",
        p => p == ForwardPolicy.Untouched ? "untouched" : "DROP when the engine turned ip_forward on (a fresh host: always)",
        Row(Docker, DockerAll, ForwardPolicy.DropWhenEngineEnablesForwarding, "moby libnetwork drivers/bridge/setup_ip_forwarding.go (setupIPForwarding); iptablesdoc new-daemon"),
        Row(Podman, PodmanAll, ForwardPolicy.Untouched, MeasuredPodman));

    /// <summary>What the engine does with new connections from outside the host's bridges into a bridge network, per gateway mode.</summary>
    public static readonly EngineFact<InboundRules?> Inbound = new("inbound into a network",
        "New connections routed from outside (not from the host itself, not replies) into a bridge network, per gateway mode.",
        m => m?.ToString() ?? "not modelled",
        Row<InboundRules?>(Docker, VersionRange.Between(20, 10, 27, 0), new InboundRules(EngineInbound.ByPolicy, EngineInbound.ByPolicy, EngineInbound.ByPolicy, EngineInbound.ByPolicy),
            "moby v20.10 setup_ip_tables.go: FORWARD -o BR -j DOCKER accepts only published ports; the rest falls to the policy; " + Measured2010),
        Row<InboundRules?>(Docker, VersionRange.Between(27, 0, 28, 0), new InboundRules(EngineInbound.ByPolicy, EngineInbound.ByPolicy, EngineInbound.ByPolicy, EngineInbound.ByPolicy),
            "moby#47871 (routed: no NAT; no accept rule until 28.0, release notes 28.0 moby#48596)"),
        Row<InboundRules?>(Docker, VersionRange.Since(28, 0), new InboundRules(EngineInbound.Drop, EngineInbound.Accept, EngineInbound.IcmpOnly, EngineInbound.Drop),
            "moby#48724 (DOCKER ! -i BR -o BR -j DROP), moby#48597 (nat-unprotected), iptablesdoc usernet-portmap-routed (-o BR -p icmp -j ACCEPT; IPv6: -p icmpv6)"),
        Row<InboundRules?>(Podman, PodmanAll, new InboundRules(EngineInbound.ByPolicy, EngineInbound.ByPolicy, EngineInbound.ByPolicy, EngineInbound.ByPolicy),
            "NETAVARK_FORWARD accepts replies and -s SUBNET only; the rest falls to the policy; " + MeasuredPodman));

    /// <summary>What the engine does with new connections from one of its bridge networks into another, per gateway mode of the destination.</summary>
    public static readonly EngineFact<InboundRules?> BetweenNetworks = new("between networks",
        "New connections from one of the engine's bridge networks into another, per gateway mode of the destination.",
        m => m?.ToString() ?? "not modelled",
        Row<InboundRules?>(Docker, VersionRange.Between(20, 10, 28, 0), new InboundRules(EngineInbound.Drop, EngineInbound.Drop, EngineInbound.Drop, EngineInbound.Drop),
            "DOCKER-ISOLATION-STAGE-1/2 (moby v20.10 setup_ip_tables.go setINC); " + Measured2010),
        Row<InboundRules?>(Docker, VersionRange.Since(28, 0), new InboundRules(EngineInbound.Drop, EngineInbound.Accept, EngineInbound.IcmpOnly, EngineInbound.Drop),
            "release notes 28.0 (routed networks reachable from other bridge networks, moby#48596); nftablesdoc usernet-portmap-natunprot (UNPROTECTED accept), usernet-portmap (UNPUBLISHED PORT DROP)"),
        Row<InboundRules?>(Podman, PodmanAll, new InboundRules(EngineInbound.Drop, EngineInbound.Drop, EngineInbound.Drop, EngineInbound.Drop),
            "NETAVARK_ISOLATION_1/2 (-i BR ! -o BR → -o OTHER -j DROP); " + MeasuredPodman));

    /// <summary>Whether the engine's isolation between its networks stays as long as the networks do.</summary>
    public static readonly EngineFact<bool> IsolationKept = new("isolation kept",
        "Whether the isolation rules between networks stay in place (predicted and verified) or can vanish (observed: verify reports, never fails).", YesNo,
        Row(Docker, DockerAll, true, "DOCKER-ISOLATION / DOCKER chain rules live as long as the network (moby setup_ip_tables); " + Measured2010),
        Row(Podman, PodmanAll, false,
            "measured: netavark 1.4 removes the FORWARD -j NETAVARK_ISOLATION_1 jump and a network's isolation rules when the network's last container goes, "
            + "and does not always put them back (after apply --replace, after docker rm of another network's last container)"));

    /// <summary>Where the engine can keep its rules.</summary>
    public static readonly EngineFact<FirewallBackend> FirewallBackends = new("nftables backend",
        "Whether the engine can write its rules as nftables (firewall-backend nftables) instead of iptables.",
        b => b switch { FirewallBackend.Nftables => "iptables, or with firewall-backend nftables (experimental) tables ip/ip6 docker-bridges", FirewallBackend.Netavark => "netavark's iptables chains", _ => "iptables" },
        Row(Docker, VersionRange.Between(20, 10, 29, 0), FirewallBackend.Iptables, "no firewall-backend before release 29.0"),
        Row(Docker, VersionRange.Since(29, 0), FirewallBackend.Nftables, "release notes 29.0; docs engine/network/firewall-nftables.md; moby nftablesdoc/generated"),
        Row(Podman, PodmanAll, FirewallBackend.Netavark, "netavark 1.4 iptables driver (ip6tables-save shows NETAVARK chains); " + MeasuredPodman));

    // ---- Engine API -------------------------------------------------------------------------------------------

    /// <summary>The Engine API versions NetDsl speaks: it negotiates the highest one the engine also speaks.</summary>
    public static readonly (Version Lowest, Version Highest) ClientApi = (new Version(1, 41), new Version(1, 52));

    /// <summary>The API version that brought EnableIPv4 on POST /networks/create (moby docs/api/version-history.md v1.48).</summary>
    public static readonly Version EnableIpv4Api = new(1, 48);

    /// <summary>
    /// The release bands docs/docker.md has a section for: within a band no fact changes (a test checks it).
    /// </summary>
    public static IReadOnlyList<(EngineKind Kind, VersionRange Versions)> Bands { get; } = new[]
    {
        (Docker, VersionRange.Between(20, 10, 27, 0)),
        (Docker, VersionRange.Between(27, 0, 28, 0)),
        (Docker, VersionRange.Between(28, 0, 29, 0)),
        (Docker, VersionRange.Between(29, 0, 30, 0)),
        (Podman, VersionRange.Between(4, 3, 5, 0)),
    };

    /// <summary>Every fact, in the order docs/docker.md lists them.</summary>
    public static IReadOnlyList<IEngineFact> Facts { get; } = new IEngineFact[]
    {
        Modelled, GatewayAddresses, AddressOrder, BridgeGetsFe80Colon1, ContainerMacs, DefaultBridgeAddresses, BridgeNames, HasDaemonJson, Restartable, Ip6TablesDefault,
        Ip6TablesNeedsExperimental, Ipv6NeedsFixedCidrV6, Ipv6OnlyPoolsStopEngine, Ipv6OnlyNetworks, Ipv4OnlyInterfaceKeepsIpv6, DefaultRoutePerNetwork, GatewayModes,
        ForwardPolicies, Ipv4ForwardPolicies, Inbound, BetweenNetworks, IsolationKept, FirewallBackends,
    };

    // ---- daemon.json keys -------------------------------------------------------------------------------------

    private const string Known2010 = "measured: dockerd 20.10.24 accepts it (an unknown key stops it: \"the following directives don't match any configuration option\")";
    private const string Reload = "reloaded by SIGHUP (moby daemon/reload.go, reload_unix.go; dockerd.md \"Configuration reload behavior\")";

    private static DaemonKey Key(string name, DaemonValueKind kind, bool reloadable = false, VersionRange? versions = null, string? source = null, string? setting = null) =>
        new(name, kind, reloadable, versions ?? DockerAll, source ?? (reloadable ? Known2010 + "; " + Reload : Known2010), setting);

    private static readonly VersionRange Until23 = VersionRange.Between(20, 10, 23, 0);

    /// <summary>
    /// Every daemon.json key Docker 20.10–29 knows, by name. Keys NetDsl writes name their <see cref="DaemonKey.Setting"/>;
    /// their order here is the order NetDsl writes them in.
    /// </summary>
    public static IReadOnlyList<DaemonKey> DaemonKeys { get; } = new[]
    {
        // Written by NetDsl (daemon { … }), in the order they are rendered.
        Key("ipv6", DaemonValueKind.Boolean, setting: "ipv6"),
        Key("fixed-cidr-v6", DaemonValueKind.Cidr, setting: "fixed-cidr-v6"),
        Key("ip6tables", DaemonValueKind.Boolean, source: Known2010 + "; experimental before 27.0 (moby#47747)", setting: "ip6tables"),
        Key("experimental", DaemonValueKind.Boolean, setting: "experimental"),
        Key("live-restore", DaemonValueKind.Boolean, reloadable: true, setting: "live-restore"),
        Key("default-address-pools", DaemonValueKind.AddressPools, setting: "default-address-pool"),

        // Networking keys NetDsl reads the meaning of.
        Key("iptables", DaemonValueKind.Boolean, setting: "iptables"),
        Key("ip-forward", DaemonValueKind.Boolean),
        Key("ip-masq", DaemonValueKind.Boolean),
        Key("icc", DaemonValueKind.Boolean),
        Key("bip", DaemonValueKind.Cidr),
        Key("bip6", DaemonValueKind.Cidr, versions: VersionRange.Since(28, 0), source: "moby#48319 (release 28.0): default bridge IPv6 address", setting: "bip6"),
        Key("fixed-cidr", DaemonValueKind.Cidr),
        Key("bridge", DaemonValueKind.String),
        Key("mtu", DaemonValueKind.Integer),
        Key("default-gateway", DaemonValueKind.Address),
        Key("default-gateway-v6", DaemonValueKind.Address),
        Key("ip", DaemonValueKind.Address),
        Key("userland-proxy", DaemonValueKind.Boolean),
        Key("userland-proxy-path", DaemonValueKind.String),
        Key("network-control-plane-mtu", DaemonValueKind.Integer),
        Key("network-diagnostic-port", DaemonValueKind.Integer, reloadable: true),
        Key("host-gateway-ip", DaemonValueKind.Address),
        Key("host-gateway-ips", DaemonValueKind.AddressList, versions: VersionRange.Since(28, 0), source: "moby#48807, release notes 28.0"),
        Key("ip-forward-no-drop", DaemonValueKind.Boolean, versions: VersionRange.Since(28, 0), source: "moby#48594 (release 28.0): leave the FORWARD policy alone"),
        Key("allow-direct-routing", DaemonValueKind.Boolean, versions: VersionRange.Since(28, 0), source: "docs.docker.com dockerd reference (--allow-direct-routing, 28.x)"),
        Key("bridge-accept-fwmark", DaemonValueKind.String, versions: VersionRange.Since(28, 0), source: "docs.docker.com dockerd reference (--bridge-accept-fwmark, 28.x)"),
        Key("default-network-opts", DaemonValueKind.Object, versions: VersionRange.Since(24, 0), source: "moby daemon/config/config.go NetworkConfig.DefaultNetworkOpts (release 24.0)"),
        Key("firewall-backend", DaemonValueKind.String, versions: VersionRange.Since(29, 0), source: "release notes 29.0 (experimental nftables: \"firewall-backend\": \"nftables\")", setting: "firewall-backend"),

        // Everything else dockerd knows; NetDsl keeps these as they are.
        Key("allow-nondistributable-artifacts", DaemonValueKind.StringList, reloadable: true),
        Key("api-cors-header", DaemonValueKind.String),
        Key("authorization-plugins", DaemonValueKind.StringList, reloadable: true),
        Key("builder", DaemonValueKind.Object),
        Key("cdi-spec-dirs", DaemonValueKind.StringList, versions: VersionRange.Since(25, 0), source: "moby daemon/config/config.go CommonConfig.CDISpecDirs (release 25.0)"),
        Key("cgroup-parent", DaemonValueKind.String),
        Key("cluster-advertise", DaemonValueKind.String, versions: Until23, source: Known2010 + "; removed in 23.0 (docker/cli docs/deprecated.md)"),
        Key("cluster-store", DaemonValueKind.String, versions: Until23, source: Known2010 + "; removed in 23.0 (docker/cli docs/deprecated.md)"),
        Key("cluster-store-opts", DaemonValueKind.Object, versions: Until23, source: Known2010 + "; removed in 23.0 (docker/cli docs/deprecated.md)"),
        Key("containerd", DaemonValueKind.String),
        Key("containerd-namespace", DaemonValueKind.String),
        Key("containerd-plugins-namespace", DaemonValueKind.String),
        Key("cpu-rt-period", DaemonValueKind.Integer),
        Key("cpu-rt-runtime", DaemonValueKind.Integer),
        Key("cri-containerd", DaemonValueKind.Boolean),
        Key("data-root", DaemonValueKind.String),
        Key("debug", DaemonValueKind.Boolean, reloadable: true),
        Key("default-cgroupns-mode", DaemonValueKind.String, reloadable: true),
        Key("default-ipc-mode", DaemonValueKind.String, reloadable: true),
        Key("default-runtime", DaemonValueKind.String, reloadable: true),
        Key("default-shm-size", DaemonValueKind.String, reloadable: true),
        Key("default-ulimits", DaemonValueKind.Object),
        Key("deprecated-key-path", DaemonValueKind.String),
        Key("dns", DaemonValueKind.AddressList),
        Key("dns-opts", DaemonValueKind.StringList),
        Key("dns-search", DaemonValueKind.StringList),
        Key("exec-opts", DaemonValueKind.StringList),
        Key("exec-root", DaemonValueKind.String),
        Key("features", DaemonValueKind.Object, reloadable: true),
        Key("graph", DaemonValueKind.String, versions: Until23, source: Known2010 + "; removed in 23.0 (docker/cli docs/deprecated.md)"),
        Key("group", DaemonValueKind.String),
        Key("hosts", DaemonValueKind.StringList),
        Key("http-proxy", DaemonValueKind.String, versions: VersionRange.Since(23, 0), source: "docker/cli docs/reference/dockerd.md (\"Docker Engine version 23.0 or later\")"),
        Key("https-proxy", DaemonValueKind.String, versions: VersionRange.Since(23, 0), source: "docker/cli docs/reference/dockerd.md (\"Docker Engine version 23.0 or later\")"),
        Key("init", DaemonValueKind.Boolean),
        Key("init-path", DaemonValueKind.String),
        Key("insecure-registries", DaemonValueKind.StringList, reloadable: true),
        Key("labels", DaemonValueKind.StringList, reloadable: true),
        Key("log-driver", DaemonValueKind.String),
        Key("log-format", DaemonValueKind.String, versions: VersionRange.Since(25, 0), source: "moby daemon/config/config.go CommonConfig.LogFormat (release 25.0)"),
        Key("log-level", DaemonValueKind.String),
        Key("log-opts", DaemonValueKind.Object),
        Key("max-concurrent-downloads", DaemonValueKind.Integer, reloadable: true),
        Key("max-concurrent-uploads", DaemonValueKind.Integer, reloadable: true),
        Key("max-download-attempts", DaemonValueKind.Integer, reloadable: true),
        Key("metrics-addr", DaemonValueKind.String),
        Key("no-new-privileges", DaemonValueKind.Boolean),
        Key("no-proxy", DaemonValueKind.String, versions: VersionRange.Since(23, 0), source: "docker/cli docs/reference/dockerd.md (\"Docker Engine version 23.0 or later\")"),
        Key("node-generic-resources", DaemonValueKind.StringList),
        Key("oom-score-adjust", DaemonValueKind.Integer, versions: VersionRange.Between(20, 10, 25, 0), source: Known2010 + "; removed in 25.0 (docker/cli docs/deprecated.md)"),
        Key("pidfile", DaemonValueKind.String),
        Key("raw-logs", DaemonValueKind.Boolean),
        Key("registry-mirrors", DaemonValueKind.StringList, reloadable: true),
        Key("rootless", DaemonValueKind.Boolean),
        Key("runtimes", DaemonValueKind.Object, reloadable: true),
        Key("seccomp-profile", DaemonValueKind.String),
        Key("selinux-enabled", DaemonValueKind.Boolean),
        Key("shutdown-timeout", DaemonValueKind.Integer, reloadable: true),
        Key("storage-driver", DaemonValueKind.String),
        Key("storage-opts", DaemonValueKind.StringList),
        Key("swarm-default-advertise-addr", DaemonValueKind.String),
        Key("tls", DaemonValueKind.Boolean),
        Key("tlscacert", DaemonValueKind.String),
        Key("tlscert", DaemonValueKind.String),
        Key("tlskey", DaemonValueKind.String),
        Key("tlsverify", DaemonValueKind.Boolean),
        Key("userns-remap", DaemonValueKind.String),
    };

    /// <summary>
    /// What differs between two releases, fact by fact ("container MAC: 02:42 + IPv4 (predicted) on docker 20.10,
    /// random (observed) on docker 28.3"): what verify says when the running engine is not the declared one.
    /// </summary>
    public static IReadOnlyList<string> Differences(EngineRelease declared, EngineRelease actual)
    {
        var list = new List<string>();
        foreach (var fact in Facts)
        {
            string a = ValueText(fact, declared), b = ValueText(fact, actual);
            if (a != b) list.Add($"{fact.Name}: {a} on {declared}, {b} on {actual}");
        }
        return list;
    }

    /// <summary>A fact's value for a release as text ("not modelled" when no row covers it).</summary>
    public static string ValueText(IEngineFact fact, EngineRelease release) =>
        fact.Rows.FirstOrDefault(r => r.Kind == release.Kind && r.Versions.Contains(release.Version))?.Value ?? "not modelled";

    private static readonly Dictionary<string, DaemonKey> KeysByName = DaemonKeys.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The key of this name, or null for a name no Docker version knows.</summary>
    public static DaemonKey? FindDaemonKey(string name) => KeysByName.TryGetValue(name, out var key) ? key : null;

    /// <summary>The key a setting of the language's daemon block writes (ipv6, default-address-pool…).</summary>
    public static DaemonKey? FindDaemonKeyForSetting(string setting) => DaemonKeys.FirstOrDefault(k => k.Setting == setting);
}

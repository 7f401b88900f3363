using System.Collections.Generic;

namespace NetDsl.Diagnostics;

/// <summary>
/// Every diagnostic NetDsl reports, in one table. Ids are stable: never renumber, only add.
/// 0xxx syntax, 1xxx names and parameters, 2xxx addresses, 3xxx Docker, 4xxx routing, 5xxx NPTv6 and
/// firewall, 6xxx paths (expect), 9xxx internal. docs/diagnostics.md documents each one (a test keeps them in sync).
/// </summary>
public static class DiagnosticDefinitions
{
    private const string Syntax = "Syntax", Names = "Names", Addresses = "Addresses", Docker = "Docker", Routing = "Routing", Nptv6 = "NPTv6", Paths = "Paths", Internal = "Internal";

    // Syntax
    public static readonly DiagnosticDefinition SyntaxError = new("NDSL0001", Severity.Error, Syntax, "Syntax error",
        "Syntax error: {0}.", "Correct the text at this position; see the language reference in README.md.");
    public static readonly DiagnosticDefinition UnterminatedString = new("NDSL0002", Severity.Error, Syntax, "Unterminated string",
        "The string starting here has no closing quote.", "Close the string with \" on the same line.");
    public static readonly DiagnosticDefinition UnbalancedBrace = new("NDSL0003", Severity.Error, Syntax, "Unbalanced brace or bracket",
        "{0}.", "Make every '{' and '[' have a matching '}' or ']'.");
    public static readonly DiagnosticDefinition UnknownStatement = new("NDSL0004", Severity.Error, Syntax, "Unknown statement",
        "'{0}' is not a statement; expected one of {1}.{2}", "Start each statement with one of the listed keywords.");
    public static readonly DiagnosticDefinition UnknownSetting = new("NDSL0005", Severity.Error, Syntax, "Unknown setting",
        "'{0}' is not a setting of {1}; expected one of {2}.{3}", "Use one of the listed settings (check the spelling).");
    public static readonly DiagnosticDefinition ExpectedToken = new("NDSL0006", Severity.Error, Syntax, "Something else expected",
        "Expected {0} {1}, found {2}.", "Write what is expected here.");
    public static readonly DiagnosticDefinition DuplicateSetting = new("NDSL0007", Severity.Error, Syntax, "Setting given twice",
        "'{0}' is already set in this block.", "Keep one of the two settings.");
    public static readonly DiagnosticDefinition MissingSetting = new("NDSL0008", Severity.Error, Syntax, "Required setting missing",
        "{0} '{1}' has no '{2}'.", "Add the '{2}' setting to the block.");
    public static readonly DiagnosticDefinition InvalidEscape = new("NDSL0009", Severity.Error, Syntax, "Invalid escape in string",
        "'\\{0}' is not an escape; use \\\\, \\\", \\n or \\t.", "Write the character directly or use a supported escape.");
    public static readonly DiagnosticDefinition InvalidUtf8 = new("NDSL0010", Severity.Error, Syntax, "Not valid UTF-8",
        "The file is not valid UTF-8 here: {0} byte sequence(s) on this line could not be read (shown as U+FFFD).", "Save the file as UTF-8, or retype the text at this position.");
    public static readonly DiagnosticDefinition BidiControl = new("NDSL0011", Severity.Error, Syntax, "Bidirectional control character",
        "{0} reorders how the text around it is displayed, so what is shown is not what is read (CVE-2021-42574).", "Delete the invisible character (most editors show it with a special marker).");
    public static readonly DiagnosticDefinition EmptyFile = new("NDSL0012", Severity.Warning, Syntax, "Empty file",
        "The file declares nothing{0}.", "Check that this is the file you meant, or describe a docker-host, network, router, firewall or upstream in it.");

    // Names and parameters
    public static readonly DiagnosticDefinition UnknownName = new("NDSL1001", Severity.Error, Names, "Unknown name",
        "No {0} named '{1}' is declared.{2}", "Declare it, or correct the name.");
    public static readonly DiagnosticDefinition DuplicateName = new("NDSL1002", Severity.Error, Names, "Name declared twice",
        "'{0}' is already declared as a {1} at line {2}.", "Give each declaration its own name.");
    public static readonly DiagnosticDefinition InvalidName = new("NDSL1003", Severity.Error, Names, "Name not allowed",
        "'{0}' is not a valid {1} name: {2}.", "Use letters, digits and the characters the message allows.");
    public static readonly DiagnosticDefinition ParameterNameIsHex = new("NDSL1004", Severity.Error, Names, "Parameter name reads as a hex word",
        "Parameter '{0}' could be read as the IPv6 word 0x{0}, so addresses using it would be ambiguous.", "Rename it so it is not 1 to 4 hex digits (e.g. CAFE_NET, ROUTINGPREFIX).");
    public static readonly DiagnosticDefinition InvalidParameterValue = new("NDSL1005", Severity.Error, Names, "Parameter value not valid",
        "'{0}' is not a valid value for parameter {1}: {2}.", "Give a value of the parameter's kind ({3}).");
    public static readonly DiagnosticDefinition UnknownOverride = new("NDSL1006", Severity.Error, Names, "Override names no parameter",
        "--set {0}: no parameter '{0}' is declared.{1}", "Override one of the declared parameters.");
    public static readonly DiagnosticDefinition ParameterKindMismatch = new("NDSL1007", Severity.Error, Names, "Parameter of the wrong kind",
        "Parameter '{0}' holds {1}, but {2} is needed here.", "Use a parameter of the right kind, or write the value directly.");
    public static readonly DiagnosticDefinition UnusedParameter = new("NDSL1008", Severity.Warning, Names, "Parameter never used",
        "Parameter '{0}' is never used.", "Use it or remove it.");
    public static readonly DiagnosticDefinition IdentifierCollision = new("NDSL1009", Severity.Error, Names, "Names collide as C# identifiers",
        "'{0}' and '{1}' both become the C# identifier '{2}'.", "Rename one of them so the generated names differ.");
    public static readonly DiagnosticDefinition UnsafeText = new("NDSL1010", Severity.Error, Names, "Text a configuration cannot carry",
        "{0} {1} contains {2}, which cannot be written safely into {3}.", "Remove the character.");
    public static readonly DiagnosticDefinition DeviceNameReserved = new("NDSL1501", Severity.Error, Names, "Device named like an output file",
        "'{0}' cannot name a {1}: `netdsl emit` writes its own file {2} beside the device folders, and the folder {0}/ would collide with it.", "Rename the device.");

    // Addresses
    public static readonly DiagnosticDefinition InvalidAddress = new("NDSL2001", Severity.Error, Addresses, "Not an address",
        "'{0}' is not a valid {1}.", "Write an IPv6 address such as fd00::1 (or IPv4 a.b.c.d where allowed).");
    public static readonly DiagnosticDefinition InvalidPrefix = new("NDSL2002", Severity.Error, Addresses, "Not a prefix",
        "'{0}' is not a valid prefix{1}.", "Write ADDRESS/LENGTH, e.g. fd5a:ceb9:ed8d:1::/64.");
    public static readonly DiagnosticDefinition HostBitsSet = new("NDSL2003", Severity.Error, Addresses, "Host bits set in a prefix",
        "'{0}' has host bits set; the network is {1}.", "Write the network address {1}.");
    public static readonly DiagnosticDefinition WrongFamily = new("NDSL2004", Severity.Error, Addresses, "Wrong address family",
        "{0} must be {1}, but '{2}' is {3}.", "Use an address of the required family.");
    public static readonly DiagnosticDefinition ParameterComposition = new("NDSL2005", Severity.Error, Addresses, "Parameter prefix cannot be composed",
        "'{0}': {1}.", "After a prefix parameter, write the groups it does not supply (use :: for zeros); a /56 shares its fourth group, so write 0 to ff there (P:5::/64).");
    public static readonly DiagnosticDefinition OverlappingSubnets = new("NDSL2006", Severity.Error, Addresses, "Subnets overlap on one host",
        "{0} {1} overlaps {2} {3} on host '{4}'.", "Give each network (and fixed-cidr-v6) its own, non-overlapping prefix.");
    public static readonly DiagnosticDefinition SubnetOnTwoLinks = new("NDSL2101", Severity.Error, Addresses, "Network subnet overlaps a declared link",
        "Network {0}'s subnet {1} overlaps {2} on {3} {4}: its addresses would be on two links, and whichever route wins, some of them are unreachable.", "Give the network a subnet of its own.");
    public static readonly DiagnosticDefinition RoutedSubnetReused = new("NDSL2102", Severity.Error, Addresses, "Reused subnet is routed",
        "Network {0} on '{1}' reuses {2} of network {3} on '{4}', and {5} routes {6} to '{7}': the containers of one of the two cannot be reached.", "Reuse a subnet only on hosts nothing routes it to (masqueraded), or give each network its own.");
    public static readonly DiagnosticDefinition AddressOutsideSubnet = new("NDSL2007", Severity.Error, Addresses, "Address outside its subnet",
        "{0} {1} is outside {2}.", "Use an address inside the subnet.");
    public static readonly DiagnosticDefinition AddressCollision = new("NDSL2008", Severity.Error, Addresses, "Address used twice",
        "{0} is already used by {1}.", "Give each endpoint its own address.");
    public static readonly DiagnosticDefinition ReservedAddress = new("NDSL2009", Severity.Error, Addresses, "Reserved address",
        "{0} is {1} of {2} and cannot be given to a container.", "Use another address of the subnet.");
    public static readonly DiagnosticDefinition SubnetNotUnicast = new("NDSL2011", Severity.Error, Addresses, "Subnet not usable for a network",
        "{0} {1} is {2}; {3} needs a unicast subnet.", "Use a unicast prefix (global or unique local, e.g. fd00:1::/64).");
    public static readonly DiagnosticDefinition NotLinkLocal = new("NDSL2010", Severity.Error, Addresses, "Link-local expected",
        "'{0}' is not a link-local address (fe80::/10).", "Write a link-local address, e.g. fe80::1.");
    public static readonly DiagnosticDefinition NetworkWithoutSubnet = new("NDSL2012", Severity.Error, Addresses, "Network without a subnet",
        "Network '{0}' declares no subnet: a network has an IPv6 subnet, an IPv4 subnet (an IPv4-only network), or both.",
        "Add 'subnet fd00:1::/64' for IPv6 (with 'ipv4 false' an IPv6-only network), 'subnet 172.30.0.0/24' for an IPv4-only network, or both.");

    // Docker
    public static readonly DiagnosticDefinition BridgeNameTooLong = new("NDSL3001", Severity.Error, Docker, "Bridge name too long",
        "Bridge name '{0}' has {1} characters; Linux allows 15 (Docker fails at run time with \"numerical result out of range\").", "Use a bridge-name of at most 15 characters.");
    public static readonly DiagnosticDefinition Ipv6WithoutFixedCidr = new("NDSL3002", Severity.Error, Docker, "ipv6 without fixed-cidr-v6",
        "daemon 'ipv6 true' needs 'fixed-cidr-v6' on {0}: dockerd refuses to start (\"IPv6 is enabled for the default bridge, but no subnet is configured\").", "Add fixed-cidr-v6 with a /64 (or shorter) prefix, or declare engine docker 28.0 or later.");
    public static readonly DiagnosticDefinition Ip6TablesNeedsExperimental = new("NDSL3003", Severity.Error, Docker, "ip6tables needs experimental",
        "'ip6tables true' needs 'experimental true' on {0} (before 27.0 dockerd refuses to start).", "Add 'experimental true', or declare engine 27.0 or later.");
    public static readonly DiagnosticDefinition UnsupportedDriver = new("NDSL3004", Severity.Error, Docker, "Unsupported network driver",
        "Driver '{0}' is not supported; NetDsl predicts addresses for 'bridge' only.", "Use driver bridge.");
    public static readonly DiagnosticDefinition SubnetTooSmallForContainers = new("NDSL3005", Severity.Error, Docker, "Subnet has no room",
        "{0} has no free address left for container '{1}'.", "Use a larger subnet or ip-range.");
    public static readonly DiagnosticDefinition ContainerNetworksOnTwoHosts = new("NDSL3006", Severity.Error, Docker, "Container on networks of two hosts",
        "Container '{0}' joins '{1}' on host '{2}' and '{3}' on host '{4}'; a container runs on one host.", "Attach the container to networks of one host.");
    public static readonly DiagnosticDefinition EngineVersionUnsupported = new("NDSL3007", Severity.Warning, Docker, "Engine version not modelled",
        "Predictions are modelled for Docker 20.10 to 29.x and Podman 4.3 to 4.x; {0} may differ.", "Declare a modelled engine (docker 20.10 to 29.x, podman 4.x), and check with netdsl verify.");
    public static readonly DiagnosticDefinition GatewayOutsideSubnet = new("NDSL3008", Severity.Error, Docker, "Gateway outside subnet",
        "Gateway {0} is outside {1} (the engine fails with \"Requested address is out of range\").", "Use an address inside the subnet.");
    public static readonly DiagnosticDefinition InterfaceNameTooLong = new("NDSL3010", Severity.Error, Docker, "Interface name too long",
        "Interface name '{0}' has {1} characters; Linux allows 15, so the host cannot have it.", "Use the host's real interface name (at most 15 characters, as `ip link` shows it).");
    public static readonly DiagnosticDefinition FixedCidrTooLong = new("NDSL3009", Severity.Warning, Docker, "fixed-cidr-v6 longer than /80",
        "fixed-cidr-v6 {0} is longer than /80: docker0 containers get ::2, ::3… instead of MAC-derived addresses.", "Use a /64 (or up to /80) for MAC-derived addresses, or accept sequential ones.");

    // Docker and Podman engines (engines helper, x2NN)
    public static readonly DiagnosticDefinition UnknownEngineKind = new("NDSL3201", Severity.Error, Docker, "Unknown engine kind",
        "'{0}' is not an engine NetDsl models; expected docker or podman.", "Write 'engine docker VERSION' or 'engine podman VERSION' (a bare version means Docker).");
    public static readonly DiagnosticDefinition NoDaemonJsonOnEngine = new("NDSL3202", Severity.Error, Docker, "No daemon.json on this engine",
        "{0} has no daemon.json and no engine to restart (Podman reads containers.conf), so this daemon block would be ignored.", "Remove the daemon block, or declare a Docker engine.");
    public static readonly DiagnosticDefinition Ipv6OnlyAddressPools = new("NDSL3203", Severity.Error, Docker, "IPv6-only address pools stop the engine",
        "default-address-pools holds no IPv4 pool, so {0} stops at start (dockerd: Error creating default \"bridge\" network: Failed to Setup IP tables): its default bridge takes its IPv4 subnet from these pools.", "Add an IPv4 pool (e.g. default-address-pool 172.80.0.0/16 size 24), or declare engine docker 27.0 or later.");
    public static readonly DiagnosticDefinition DaemonKeyNotOnEngine = new("NDSL3204", Severity.Error, Docker, "daemon.json key unknown to this engine",
        "'{0}' is a daemon.json key of {1}; {2} does not know it and refuses to start (\"the following directives don't match any configuration option: {0}\").", "Remove it, or declare engine {3} or later.");
    public static readonly DiagnosticDefinition GatewayModeNotOnEngine = new("NDSL3205", Severity.Error, Docker, "Gateway mode unknown to this engine",
        "Gateway mode '{0}' is not one {1} accepts ({2}); the engine refuses to create the network.", "Use a mode the engine accepts, or declare one that has it (routed: docker 27.0; nat-unprotected and isolated: docker 28.0).");
    public static readonly DiagnosticDefinition DuplicateMasquerade = new("NDSL3206", Severity.Warning, Docker, "Masquerade duplicates the engine's own",
        "{0} already masquerades {1} itself ({2}); this masquerade rule only does it again.", "Remove this masquerade, or turn the engine's own off (daemon ip6tables false, or gateway-mode ipv6 routed on the network).");
    public static readonly DiagnosticDefinition IsolatedNeedsInternal = new("NDSL3207", Severity.Error, Docker, "Gateway mode isolated needs an internal network",
        "Gateway mode 'isolated' is for internal networks (docker network create --internal), which NetDsl does not declare.", "Use nat, nat-unprotected or routed.");
    public static readonly DiagnosticDefinition Ipv6OnlyNetworkNotOnEngine = new("NDSL3208", Severity.Error, Docker, "IPv6-only network unknown to this engine",
        "'ipv4 false' makes an IPv6-only network (EnableIPv4, API 1.48), which {0} does not have: it would give the network IPv4 anyway.", "Remove 'ipv4 false', or declare engine docker 28.0 or later.");
    public static readonly DiagnosticDefinition Ipv4SubnetOnIpv6OnlyNetwork = new("NDSL3209", Severity.Error, Docker, "IPv4 subnet on an IPv6-only network",
        "Network '{0}' is IPv6-only (ipv4 false) but declares the IPv4 subnet {1}; the engine refuses such a network.", "Remove the IPv4 subnet, or 'ipv4 false'.");
    public static readonly DiagnosticDefinition MasqueradeMatchesNothing = new("NDSL3210", Severity.Warning, Docker, "Masquerade matches no interface",
        "'{0}' can never match a packet: 'out-not {2}' excludes every interface 'out {1}' allows, so nftables loads a rule that masquerades nothing.", "Remove 'out-not {2}' ('out {1}' alone already limits the rule to {1}), or correct 'out' to the interface the masqueraded packets leave by.");

    // Routing
    public static readonly DiagnosticDefinition NextHopNotConnected = new("NDSL4001", Severity.Error, Routing, "Next hop not on a connected subnet",
        "Next hop {0} is not on a subnet connected to {1}.", "Use a next hop inside one of the device's interface subnets (or a link-local with its interface).");
    public static readonly DiagnosticDefinition LinkLocalNeedsInterface = new("NDSL4002", Severity.Error, Routing, "Link-local next hop without interface",
        "Next hop {0} is link-local, so the route must name its interface.", "Add 'dev IFNAME' (docker hosts) or write 'via IFNAME ADDRESS'.");
    public static readonly DiagnosticDefinition UnknownInterface = new("NDSL4003", Severity.Error, Routing, "Unknown interface",
        "'{0}' has no interface named '{1}'.{2}", "Declare the interface or correct the name.");
    public static readonly DiagnosticDefinition NextHopIsSelf = new("NDSL4005", Severity.Error, Routing, "Next hop is the device itself",
        "Next hop {0} is an address of {1} itself, so the route sends packets back to where they are.", "Use the address of the neighbouring device on that subnet.");
    public static readonly DiagnosticDefinition DuplicateRoute = new("NDSL4004", Severity.Warning, Routing, "Route declared twice",
        "A route to {0} is already declared on '{1}'.", "Remove one of the routes.");

    // NPTv6 and firewall
    public static readonly DiagnosticDefinition Nptv6LengthMismatch = new("NDSL5001", Severity.Error, Nptv6, "NPTv6 prefixes of different lengths",
        "Inside {0} and outside {1} have different lengths; RFC 6296 maps prefixes 1:1 only when they are equal.", "Use inside and outside prefixes of the same length.");
    public static readonly DiagnosticDefinition Nptv6PrefixTooLong = new("NDSL5002", Severity.Error, Nptv6, "NPTv6 prefix longer than /64",
        "{0} is longer than /64; RFC 6296 translation is undefined there (and Linux refuses it).", "Use a prefix of /64 or shorter.");
    public static readonly DiagnosticDefinition Nptv6InsideNotUla = new("NDSL5003", Severity.Warning, Nptv6, "NPTv6 inside prefix is not ULA",
        "Inside prefix {0} is not a unique local address (fc00::/7).", "NPTv6 normally translates ULA inside prefixes; check that this is intended.");
    public static readonly DiagnosticDefinition Nptv6SharedOutside = new("NDSL5004", Severity.Warning, Nptv6, "Several inside prefixes on one outside prefix",
        "Outside prefix {0} is already the translation of {1}; RFC 6296 is 1:1, so return traffic to {0} maps back to {1} only and {2} is unreachable from outside.", "Give each inside prefix its own outside prefix (one translator per /64).");
    public static readonly DiagnosticDefinition UnknownZone = new("NDSL5005", Severity.Error, Nptv6, "Unknown zone",
        "Firewall '{0}' has no interface in zone '{1}'.{2}", "Put an interface into the zone, or correct its name.");
    public static readonly DiagnosticDefinition Nptv6InterfaceNotInZone = new("NDSL5006", Severity.Error, Nptv6, "NPTv6 interface not in destination zone",
        "Interface '{0}' is in zone '{1}', but the rule translates traffic to zone '{2}'.", "Use an interface of the rule's 'to' zone.");
    public static readonly DiagnosticDefinition NoAllowRule = new("NDSL5007", Severity.Warning, Nptv6, "NAT rule without allow rule",
        "No allow rule passes {0} -> {1}, so NAT rule '{2}' never sees traffic (PAN-OS NAT passes nothing by itself).", "Add 'allow NAME {0} -> {1}'.");
    public static readonly DiagnosticDefinition Nptv6OverlappingInside = new("NDSL5008", Severity.Error, Nptv6, "NPTv6 inside prefixes overlap",
        "Inside prefix {0} overlaps {1} of rule '{2}'.", "Make inside prefixes disjoint.");
    public static readonly DiagnosticDefinition Nptv6HostTranslator = new("NDSL5601", Severity.Error, Nptv6, "Unknown translator for a host's NPTv6",
        "NPTv6 rule '{0}' on docker-host '{1}' asks for translator '{2}'; a host's NPTv6 runs NetDsl's gateway.", "Write 'translator netdsl' (apply runs `netdsl nptv6 run` for the rule).");

    // Paths
    public static readonly DiagnosticDefinition PathBroken = new("NDSL6001", Severity.Error, Paths, "Expected path does not work",
        "expect ping {0} -> {1} fails at {2}: {3}", "Fix the configuration named in the message, or correct the expectation.");
    public static readonly DiagnosticDefinition ExpectUnknownEndpoint = new("NDSL6002", Severity.Error, Paths, "Unknown expect endpoint",
        "'{0}' is not a declared host, container, device or external host.{1}", "Use a declared name or an address.");
    public static readonly DiagnosticDefinition PathOpen = new("NDSL6101", Severity.Error, Paths, "Path expected to be blocked is open",
        "expect no-ping {0} -> {1} does not hold: the echo request reaches {2}{3}.", "Block the path (drop the allow rule or route that lets it through), or expect ping instead.");

    // Internal
    public static readonly DiagnosticDefinition InternalError = new("NDSL9001", Severity.Error, Internal, "Internal error",
        "NetDsl failed internally ({0}); the input may be fine.", "Report this with the input file.");

    /// <summary>All descriptors, in id order (docs and the generator's descriptor table come from this).</summary>
    public static IReadOnlyList<DiagnosticDefinition> All { get; } = new[]
    {
        SyntaxError, UnterminatedString, UnbalancedBrace, UnknownStatement, UnknownSetting, ExpectedToken, DuplicateSetting, MissingSetting, InvalidEscape,
        InvalidUtf8, BidiControl, EmptyFile,
        UnknownName, DuplicateName, InvalidName, ParameterNameIsHex, InvalidParameterValue, UnknownOverride, ParameterKindMismatch, UnusedParameter, IdentifierCollision, UnsafeText, DeviceNameReserved,
        InvalidAddress, InvalidPrefix, HostBitsSet, WrongFamily, ParameterComposition, OverlappingSubnets, AddressOutsideSubnet, AddressCollision, ReservedAddress, NotLinkLocal, SubnetNotUnicast, NetworkWithoutSubnet,
        SubnetOnTwoLinks, RoutedSubnetReused,
        BridgeNameTooLong, Ipv6WithoutFixedCidr, Ip6TablesNeedsExperimental, UnsupportedDriver, SubnetTooSmallForContainers, ContainerNetworksOnTwoHosts, EngineVersionUnsupported, GatewayOutsideSubnet, FixedCidrTooLong, InterfaceNameTooLong,
        UnknownEngineKind, NoDaemonJsonOnEngine, Ipv6OnlyAddressPools, DaemonKeyNotOnEngine, GatewayModeNotOnEngine, DuplicateMasquerade, IsolatedNeedsInternal,
        Ipv6OnlyNetworkNotOnEngine, Ipv4SubnetOnIpv6OnlyNetwork, MasqueradeMatchesNothing,
        NextHopNotConnected, LinkLocalNeedsInterface, UnknownInterface, DuplicateRoute, NextHopIsSelf,
        Nptv6LengthMismatch, Nptv6PrefixTooLong, Nptv6InsideNotUla, Nptv6SharedOutside, UnknownZone, Nptv6InterfaceNotInZone, NoAllowRule, Nptv6OverlappingInside, Nptv6HostTranslator,
        PathBroken, ExpectUnknownEndpoint, PathOpen,
        InternalError,
    };
}

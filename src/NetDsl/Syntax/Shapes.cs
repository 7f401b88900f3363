using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Syntax;

/// <summary>
/// The language's statements and settings, as data. The reader checks arity and keywords against these; the
/// binder gives the values meaning. README.md's language reference follows this table.
/// </summary>
public static class Shapes
{
    private static readonly OptionShape[] None = new OptionShape[0];

    private static SettingShape Flag(string keyword) => new(keyword, new Slot[0], None, Repeatable: false);

    private static SettingShape One(string keyword, string description, bool repeatable = false) =>
        new(keyword, new[] { Slot.Value("Value", description) }, None, Repeatable: repeatable);

    // interface NAME [address A/L]... [link-local A] [zone Z]
    private static readonly SettingShape Interface = new("interface", new[] { Slot.Value("Name", "an interface name") }, new[]
    {
        new OptionShape("address", 1, 1, Repeatable: true, Description: "an address with prefix length"),
        new OptionShape("link-local", 1, 1, Description: "a link-local address"),
        new OptionShape("zone", 1, 1, Description: "a zone name"),
    });

    // route DEST [via ADDR | via IFNAME ADDR] [dev IFNAME] [proto ra|static]
    private static readonly SettingShape Route = new("route", new[] { Slot.Value("Destination", "a destination prefix") }, new[]
    {
        new OptionShape("via", 1, 2, Description: "a next hop (or an interface and a next hop)"),
        new OptionShape("dev", 1, 1, Description: "an interface name"),
        new OptionShape("proto", 1, 1, Description: "'static' or 'ra'"),
    });

    private static readonly Block DaemonBlock = new("daemon", new[]
    {
        One("ipv6", "true or false"),
        One("fixed-cidr-v6", "an IPv6 prefix"),
        One("ip6tables", "true or false"),
        One("experimental", "true or false"),
        One("live-restore", "true or false"),
        One("iptables", "true or false"),
        One("bip6", "an IPv6 address with prefix length (Docker 28.0 and later)"),
        One("firewall-backend", "iptables or nftables (Docker 29.0 and later)"),
        new SettingShape("default-address-pool", new[] { Slot.Value("Base", "a base prefix") }, new[] { new OptionShape("size", 1, 1, Description: "a prefix length") }),
    });

    // INSIDE -> OUTSIDE, the entries of an nptv6 block (declared before the blocks that use it: fields initialise in order).
    private static readonly SettingShape Mapping = new("mapping",
        new[] { Slot.Value("Inside", "an inside prefix"), Slot.Token("->"), Slot.Value("Outside", "an outside prefix") }, None, Entry: true);

    private static readonly Block HostBlock = new("docker-host", new[]
    {
        new SettingShape("engine", new[] { Slot.Value("Engine", "an engine such as 20.10, docker 28.3 or podman 4.3"), Slot.OptionalValue("Version", "an engine version such as 28.3") }, None),
        Interface,
        Route,
        new SettingShape("daemon", new Slot[0], None, DaemonBlock, Repeatable: false),
        new SettingShape("masquerade", new[] { Slot.Value("Family", "ipv6 or ipv4") }, new[]
        {
            new OptionShape("out-not", 1, 1, Description: "an interface name"),
            new OptionShape("out", 1, 1, Description: "an interface name"),
            new OptionShape("source", 1, 1, Description: "a source prefix"),
        }),
        // nptv6 NAME interface IF translator netdsl { INSIDE -> OUTSIDE … }: NetDsl's gateway on the host (apply runs it).
        new SettingShape("nptv6", new[] { Slot.Value("Name", "a rule name") }, new[]
        {
            new OptionShape("interface", 1, 1, Description: "an interface name"),
            new OptionShape("translator", 1, 1, Description: "netdsl"),
        }, new Block("nptv6", new SettingShape[0], EntryShape: Mapping)),
    });

    private static readonly Block NetworkBlock = new("network", new[]
    {
        One("driver", "a driver name"),
        One("subnet", "an IPv6 or IPv4 prefix", repeatable: true),
        One("gateway", "an address", repeatable: true),
        One("ip-range", "a prefix inside the subnet", repeatable: true),
        One("bridge-name", "a bridge interface name"),
        One("ipv4", "true or false (false: an IPv6-only network, Docker 28.0 and later)"),
        new SettingShape("gateway-mode", new[] { Slot.Value("Family", "ipv6 or ipv4"), Slot.Value("Mode", "nat, nat-unprotected, routed or isolated") }, None),
        new SettingShape("option", new[] { Slot.Value("Key", "an option name"), Slot.Value("Value", "a value") }, None),
        new SettingShape("label", new[] { Slot.Value("Key", "a label name"), Slot.Value("Value", "a value") }, None),
    });

    private static readonly Block ContainerBlock = new("container", new[]
    {
        One("image", "an image reference (string or parameter)"),
        One("command", "a list of strings such as [\"/bin/bash\"] (or parameter)"),
        Flag("tty"),
        Flag("interactive"),
        new SettingShape("address", new[] { Slot.Value("NetworkOrAddress", "a network name or an address"), Slot.OptionalValue("Address", "an address") }, None),
    });

    private static readonly Block RouterBlock = new("router", new[] { Interface, Route });

    private static readonly Block FirewallBlock = new("firewall", new[]
    {
        Interface,
        Route,
        new SettingShape("allow", new[] { Slot.Value("Name", "a rule name"), Slot.Value("From", "a zone"), Slot.Token("->"), Slot.Value("To", "a zone") }, None),
        new SettingShape("nptv6", new[] { Slot.Value("Name", "a rule name") }, new[]
        {
            new OptionShape("from", 1, 1, Description: "a zone"),
            new OptionShape("to", 1, 1, Description: "a zone"),
            new OptionShape("interface", 1, 1, Description: "an interface name"),
        }, new Block("nptv6", new SettingShape[0], EntryShape: Mapping)),
    });

    private static readonly Block UpstreamBlock = new("upstream", new[]
    {
        Interface,
        Route,
        new SettingShape("host", new[] { Slot.Value("Name", "a host name"), Slot.Value("Address", "an address") }, None),
    });

    public static readonly IReadOnlyList<SettingShape> TopLevel = new[]
    {
        new SettingShape("let", new[] { Slot.Value("Name", "a parameter name"), Slot.Token("="), Slot.Value("Value", "a value") }, None),
        new SettingShape("project", new[] { Slot.Value("Name", "a project name") }, None),
        new SettingShape("docker-host", new[] { Slot.Value("Name", "a host name") }, None, HostBlock),
        new SettingShape("network", new[] { Slot.Value("Name", "a network name") }, new[] { new OptionShape("on", 1, 1, Description: "a docker-host name") }, NetworkBlock),
        new SettingShape("container", new[] { Slot.Value("Name", "a container name") }, new[] { new OptionShape("on", 1, 16, CommaList: true, Description: "network names") }, ContainerBlock),
        new SettingShape("router", new[] { Slot.Value("Name", "a router name"), Slot.Value("Dialect", "a dialect (ios)") }, None, RouterBlock),
        new SettingShape("firewall", new[] { Slot.Value("Name", "a firewall name"), Slot.Value("Dialect", "a dialect (panos)") }, None, FirewallBlock),
        new SettingShape("upstream", new[] { Slot.Value("Name", "an upstream name") }, None, UpstreamBlock),
        new SettingShape("expect", new[] { Slot.Value("Kind", "'ping' or 'no-ping'"), Slot.Value("From", "a source name"), Slot.Token("->"), Slot.Value("To", "a destination name or address") }, None),
    };

    public static readonly IReadOnlyList<string> TopLevelKeywords = TopLevel.Select(s => s.Keyword).ToArray();
}

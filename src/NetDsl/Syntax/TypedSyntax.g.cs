// Generated from Shapes.cs by tests/NetDsl.Tests/Syntax/TypedSyntaxTests.cs; do not edit.
// Regenerate with NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Tests after changing the shapes table.
#nullable enable
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Syntax;

/// <summary>The statement <c>let NAME = VALUE</c>, read against its shape.</summary>
internal readonly struct LetSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "let";

    public LetSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a parameter name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>a value.</summary>
    public SyntaxNode Value => Syntax.Arguments[1];
}

/// <summary>The statement <c>project NAME</c>, read against its shape.</summary>
internal readonly struct ProjectSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "project";

    public ProjectSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a project name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];
}

/// <summary>The statement <c>docker-host NAME { … }</c>, read against its shape.</summary>
internal readonly struct DockerHostSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "docker-host";

    public DockerHostSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a host name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>Every <c>engine</c> of the block, in order.</summary>
    public IEnumerable<EngineSyntax> Engines => Syntax.Settings("engine").Select(s => new EngineSyntax(s));

    /// <summary>Every <c>interface</c> of the block, in order.</summary>
    public IEnumerable<InterfaceSyntax> Interfaces => Syntax.Settings("interface").Select(s => new InterfaceSyntax(s));

    /// <summary>Every <c>route</c> of the block, in order.</summary>
    public IEnumerable<RouteSyntax> Routes => Syntax.Settings("route").Select(s => new RouteSyntax(s));

    /// <summary>Every <c>daemon</c> of the block, in order.</summary>
    public IEnumerable<DaemonSyntax> Daemons => Syntax.Settings("daemon").Select(s => new DaemonSyntax(s));

    /// <summary>Every <c>masquerade</c> of the block, in order.</summary>
    public IEnumerable<MasqueradeSyntax> Masquerades => Syntax.Settings("masquerade").Select(s => new MasqueradeSyntax(s));

    /// <summary>Every <c>nptv6</c> of the block, in order.</summary>
    public IEnumerable<DockerHostNptv6Syntax> Nptv6s => Syntax.Settings("nptv6").Select(s => new DockerHostNptv6Syntax(s));
}

/// <summary>The statement <c>network NAME [on …] { … }</c>, read against its shape.</summary>
internal readonly struct NetworkSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "network";

    public NetworkSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a network name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary><c>on</c> with 1 value (a docker-host name), or null without it.</summary>
    public OptionSyntax? On => Syntax.Option("on");

    /// <summary>Every <c>driver</c> of the block, in order.</summary>
    public IEnumerable<DriverSyntax> Drivers => Syntax.Settings("driver").Select(s => new DriverSyntax(s));

    /// <summary>Every <c>subnet</c> of the block, in order.</summary>
    public IEnumerable<SubnetSyntax> Subnets => Syntax.Settings("subnet").Select(s => new SubnetSyntax(s));

    /// <summary>Every <c>gateway</c> of the block, in order.</summary>
    public IEnumerable<GatewaySyntax> Gateways => Syntax.Settings("gateway").Select(s => new GatewaySyntax(s));

    /// <summary>Every <c>ip-range</c> of the block, in order.</summary>
    public IEnumerable<IpRangeSyntax> IpRanges => Syntax.Settings("ip-range").Select(s => new IpRangeSyntax(s));

    /// <summary>Every <c>bridge-name</c> of the block, in order.</summary>
    public IEnumerable<BridgeNameSyntax> BridgeNames => Syntax.Settings("bridge-name").Select(s => new BridgeNameSyntax(s));

    /// <summary>Every <c>ipv4</c> of the block, in order.</summary>
    public IEnumerable<Ipv4Syntax> Ipv4s => Syntax.Settings("ipv4").Select(s => new Ipv4Syntax(s));

    /// <summary>Every <c>gateway-mode</c> of the block, in order.</summary>
    public IEnumerable<GatewayModeSyntax> GatewayModes => Syntax.Settings("gateway-mode").Select(s => new GatewayModeSyntax(s));

    /// <summary>Every <c>option</c> of the block, in order.</summary>
    public IEnumerable<NetworkOptionSyntax> Options => Syntax.Settings("option").Select(s => new NetworkOptionSyntax(s));

    /// <summary>Every <c>label</c> of the block, in order.</summary>
    public IEnumerable<LabelSyntax> Labels => Syntax.Settings("label").Select(s => new LabelSyntax(s));
}

/// <summary>The statement <c>container NAME [on …] { … }</c>, read against its shape.</summary>
internal readonly struct ContainerSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "container";

    public ContainerSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a container name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary><c>on</c> with 1 to 16 values (network names), or null without it.</summary>
    public OptionSyntax? On => Syntax.Option("on");

    /// <summary>Every <c>image</c> of the block, in order.</summary>
    public IEnumerable<ImageSyntax> Images => Syntax.Settings("image").Select(s => new ImageSyntax(s));

    /// <summary>Every <c>command</c> of the block, in order.</summary>
    public IEnumerable<CommandSyntax> Commands => Syntax.Settings("command").Select(s => new CommandSyntax(s));

    /// <summary>Every <c>tty</c> of the block, in order.</summary>
    public IEnumerable<TtySyntax> Ttys => Syntax.Settings("tty").Select(s => new TtySyntax(s));

    /// <summary>Every <c>interactive</c> of the block, in order.</summary>
    public IEnumerable<InteractiveSyntax> Interactives => Syntax.Settings("interactive").Select(s => new InteractiveSyntax(s));

    /// <summary>Every <c>address</c> of the block, in order.</summary>
    public IEnumerable<AddressSyntax> Addresses => Syntax.Settings("address").Select(s => new AddressSyntax(s));
}

/// <summary>The statement <c>router NAME DIALECT { … }</c>, read against its shape.</summary>
internal readonly struct RouterSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "router";

    public RouterSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a router name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>a dialect (ios).</summary>
    public SyntaxNode Dialect => Syntax.Arguments[1];

    /// <summary>Every <c>interface</c> of the block, in order.</summary>
    public IEnumerable<InterfaceSyntax> Interfaces => Syntax.Settings("interface").Select(s => new InterfaceSyntax(s));

    /// <summary>Every <c>route</c> of the block, in order.</summary>
    public IEnumerable<RouteSyntax> Routes => Syntax.Settings("route").Select(s => new RouteSyntax(s));
}

/// <summary>The statement <c>firewall NAME DIALECT { … }</c>, read against its shape.</summary>
internal readonly struct FirewallSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "firewall";

    public FirewallSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a firewall name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>a dialect (panos).</summary>
    public SyntaxNode Dialect => Syntax.Arguments[1];

    /// <summary>Every <c>interface</c> of the block, in order.</summary>
    public IEnumerable<InterfaceSyntax> Interfaces => Syntax.Settings("interface").Select(s => new InterfaceSyntax(s));

    /// <summary>Every <c>route</c> of the block, in order.</summary>
    public IEnumerable<RouteSyntax> Routes => Syntax.Settings("route").Select(s => new RouteSyntax(s));

    /// <summary>Every <c>allow</c> of the block, in order.</summary>
    public IEnumerable<AllowSyntax> Allows => Syntax.Settings("allow").Select(s => new AllowSyntax(s));

    /// <summary>Every <c>nptv6</c> of the block, in order.</summary>
    public IEnumerable<FirewallNptv6Syntax> Nptv6s => Syntax.Settings("nptv6").Select(s => new FirewallNptv6Syntax(s));
}

/// <summary>The statement <c>upstream NAME { … }</c>, read against its shape.</summary>
internal readonly struct UpstreamSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "upstream";

    public UpstreamSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an upstream name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>Every <c>interface</c> of the block, in order.</summary>
    public IEnumerable<InterfaceSyntax> Interfaces => Syntax.Settings("interface").Select(s => new InterfaceSyntax(s));

    /// <summary>Every <c>route</c> of the block, in order.</summary>
    public IEnumerable<RouteSyntax> Routes => Syntax.Settings("route").Select(s => new RouteSyntax(s));

    /// <summary>Every <c>host</c> of the block, in order.</summary>
    public IEnumerable<HostSyntax> Hosts => Syntax.Settings("host").Select(s => new HostSyntax(s));
}

/// <summary>The statement <c>expect KIND FROM -&gt; TO</c>, read against its shape.</summary>
internal readonly struct ExpectSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "expect";

    public ExpectSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>'ping' or 'no-ping'.</summary>
    public SyntaxNode Kind => Syntax.Arguments[0];

    /// <summary>a source name.</summary>
    public SyntaxNode From => Syntax.Arguments[1];

    /// <summary>a destination name or address.</summary>
    public SyntaxNode To => Syntax.Arguments[2];
}

/// <summary>The setting <c>engine ENGINE [VERSION]</c>, read against its shape.</summary>
internal readonly struct EngineSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "engine";

    public EngineSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an engine such as 20.10, docker 28.3 or podman 4.3.</summary>
    public SyntaxNode Engine => Syntax.Arguments[0];

    /// <summary>an engine version such as 28.3 (optional).</summary>
    public SyntaxNode? Version => Syntax.Argument(1);
}

/// <summary>The setting <c>interface NAME [address …] [link-local …] [zone …]</c>, read against its shape.</summary>
internal readonly struct InterfaceSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "interface";

    public InterfaceSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an interface name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>Every <c>address</c> with 1 value (an address with prefix length), in order.</summary>
    public IEnumerable<OptionSyntax> Addresses => Syntax.OptionsNamed("address");

    /// <summary><c>link-local</c> with 1 value (a link-local address), or null without it.</summary>
    public OptionSyntax? LinkLocal => Syntax.Option("link-local");

    /// <summary><c>zone</c> with 1 value (a zone name), or null without it.</summary>
    public OptionSyntax? Zone => Syntax.Option("zone");
}

/// <summary>The setting <c>route DESTINATION [via …] [dev …] [proto …]</c>, read against its shape.</summary>
internal readonly struct RouteSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "route";

    public RouteSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a destination prefix.</summary>
    public SyntaxNode Destination => Syntax.Arguments[0];

    /// <summary><c>via</c> with 1 to 2 values (a next hop (or an interface and a next hop)), or null without it.</summary>
    public OptionSyntax? Via => Syntax.Option("via");

    /// <summary><c>dev</c> with 1 value (an interface name), or null without it.</summary>
    public OptionSyntax? Dev => Syntax.Option("dev");

    /// <summary><c>proto</c> with 1 value ('static' or 'ra'), or null without it.</summary>
    public OptionSyntax? Proto => Syntax.Option("proto");
}

/// <summary>The setting <c>daemon { … }</c>, read against its shape.</summary>
internal readonly struct DaemonSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "daemon";

    public DaemonSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>Every <c>ipv6</c> of the block, in order.</summary>
    public IEnumerable<Ipv6Syntax> Ipv6s => Syntax.Settings("ipv6").Select(s => new Ipv6Syntax(s));

    /// <summary>Every <c>fixed-cidr-v6</c> of the block, in order.</summary>
    public IEnumerable<FixedCidrV6Syntax> FixedCidrV6s => Syntax.Settings("fixed-cidr-v6").Select(s => new FixedCidrV6Syntax(s));

    /// <summary>Every <c>ip6tables</c> of the block, in order.</summary>
    public IEnumerable<Ip6tablesSyntax> Ip6tables => Syntax.Settings("ip6tables").Select(s => new Ip6tablesSyntax(s));

    /// <summary>Every <c>experimental</c> of the block, in order.</summary>
    public IEnumerable<ExperimentalSyntax> Experimentals => Syntax.Settings("experimental").Select(s => new ExperimentalSyntax(s));

    /// <summary>Every <c>live-restore</c> of the block, in order.</summary>
    public IEnumerable<LiveRestoreSyntax> LiveRestores => Syntax.Settings("live-restore").Select(s => new LiveRestoreSyntax(s));

    /// <summary>Every <c>iptables</c> of the block, in order.</summary>
    public IEnumerable<IptablesSyntax> Iptables => Syntax.Settings("iptables").Select(s => new IptablesSyntax(s));

    /// <summary>Every <c>bip6</c> of the block, in order.</summary>
    public IEnumerable<Bip6Syntax> Bip6s => Syntax.Settings("bip6").Select(s => new Bip6Syntax(s));

    /// <summary>Every <c>firewall-backend</c> of the block, in order.</summary>
    public IEnumerable<FirewallBackendSyntax> FirewallBackends => Syntax.Settings("firewall-backend").Select(s => new FirewallBackendSyntax(s));

    /// <summary>Every <c>default-address-pool</c> of the block, in order.</summary>
    public IEnumerable<DefaultAddressPoolSyntax> DefaultAddressPools => Syntax.Settings("default-address-pool").Select(s => new DefaultAddressPoolSyntax(s));
}

/// <summary>The setting <c>masquerade FAMILY [out-not …] [out …] [source …]</c>, read against its shape.</summary>
internal readonly struct MasqueradeSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "masquerade";

    public MasqueradeSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>ipv6 or ipv4.</summary>
    public SyntaxNode Family => Syntax.Arguments[0];

    /// <summary><c>out-not</c> with 1 value (an interface name), or null without it.</summary>
    public OptionSyntax? OutNot => Syntax.Option("out-not");

    /// <summary><c>out</c> with 1 value (an interface name), or null without it.</summary>
    public OptionSyntax? Out => Syntax.Option("out");

    /// <summary><c>source</c> with 1 value (a source prefix), or null without it.</summary>
    public OptionSyntax? Source => Syntax.Option("source");
}

/// <summary>The setting <c>nptv6 NAME [interface …] [translator …] { … }</c>, read against its shape.</summary>
internal readonly struct DockerHostNptv6Syntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "nptv6";

    public DockerHostNptv6Syntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a rule name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary><c>interface</c> with 1 value (an interface name), or null without it.</summary>
    public OptionSyntax? Interface => Syntax.Option("interface");

    /// <summary><c>translator</c> with 1 value (netdsl), or null without it.</summary>
    public OptionSyntax? Translator => Syntax.Option("translator");

    /// <summary>Every <c>mapping</c> of the block, in order.</summary>
    public IEnumerable<MappingSyntax> Mappings => Syntax.Settings("mapping").Select(s => new MappingSyntax(s));
}

/// <summary>The setting <c>ipv6 VALUE</c>, read against its shape.</summary>
internal readonly struct Ipv6Syntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "ipv6";

    public Ipv6Syntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>true or false.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>fixed-cidr-v6 VALUE</c>, read against its shape.</summary>
internal readonly struct FixedCidrV6Syntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "fixed-cidr-v6";

    public FixedCidrV6Syntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an IPv6 prefix.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>ip6tables VALUE</c>, read against its shape.</summary>
internal readonly struct Ip6tablesSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "ip6tables";

    public Ip6tablesSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>true or false.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>experimental VALUE</c>, read against its shape.</summary>
internal readonly struct ExperimentalSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "experimental";

    public ExperimentalSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>true or false.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>live-restore VALUE</c>, read against its shape.</summary>
internal readonly struct LiveRestoreSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "live-restore";

    public LiveRestoreSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>true or false.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>iptables VALUE</c>, read against its shape.</summary>
internal readonly struct IptablesSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "iptables";

    public IptablesSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>true or false.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>bip6 VALUE</c>, read against its shape.</summary>
internal readonly struct Bip6Syntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "bip6";

    public Bip6Syntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an IPv6 address with prefix length (Docker 28.0 and later).</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>firewall-backend VALUE</c>, read against its shape.</summary>
internal readonly struct FirewallBackendSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "firewall-backend";

    public FirewallBackendSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>iptables or nftables (Docker 29.0 and later).</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>default-address-pool BASE [size …]</c>, read against its shape.</summary>
internal readonly struct DefaultAddressPoolSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "default-address-pool";

    public DefaultAddressPoolSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a base prefix.</summary>
    public SyntaxNode Base => Syntax.Arguments[0];

    /// <summary><c>size</c> with 1 value (a prefix length), or null without it.</summary>
    public OptionSyntax? Size => Syntax.Option("size");
}

/// <summary>The entry <c>INSIDE -&gt; OUTSIDE</c>, read against its shape.</summary>
internal readonly struct MappingSyntax
{
    /// <summary>The keyword that starts it (an entry has none in the text; the reader gives it this one).</summary>
    public const string Keyword = "mapping";

    public MappingSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an inside prefix.</summary>
    public SyntaxNode Inside => Syntax.Arguments[0];

    /// <summary>an outside prefix.</summary>
    public SyntaxNode Outside => Syntax.Arguments[1];
}

/// <summary>The setting <c>driver VALUE</c>, read against its shape.</summary>
internal readonly struct DriverSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "driver";

    public DriverSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a driver name.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>subnet VALUE</c>, read against its shape.</summary>
internal readonly struct SubnetSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "subnet";

    public SubnetSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an IPv6 or IPv4 prefix.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>gateway VALUE</c>, read against its shape.</summary>
internal readonly struct GatewaySyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "gateway";

    public GatewaySyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an address.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>ip-range VALUE</c>, read against its shape.</summary>
internal readonly struct IpRangeSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "ip-range";

    public IpRangeSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a prefix inside the subnet.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>bridge-name VALUE</c>, read against its shape.</summary>
internal readonly struct BridgeNameSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "bridge-name";

    public BridgeNameSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a bridge interface name.</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>ipv4 VALUE</c>, read against its shape.</summary>
internal readonly struct Ipv4Syntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "ipv4";

    public Ipv4Syntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>true or false (false: an IPv6-only network, Docker 28.0 and later).</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>gateway-mode FAMILY MODE</c>, read against its shape.</summary>
internal readonly struct GatewayModeSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "gateway-mode";

    public GatewayModeSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>ipv6 or ipv4.</summary>
    public SyntaxNode Family => Syntax.Arguments[0];

    /// <summary>nat, nat-unprotected, routed or isolated.</summary>
    public SyntaxNode Mode => Syntax.Arguments[1];
}

/// <summary>The setting <c>option KEY VALUE</c>, read against its shape.</summary>
internal readonly struct NetworkOptionSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "option";

    public NetworkOptionSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an option name.</summary>
    public SyntaxNode Key => Syntax.Arguments[0];

    /// <summary>a value.</summary>
    public SyntaxNode Value => Syntax.Arguments[1];
}

/// <summary>The setting <c>label KEY VALUE</c>, read against its shape.</summary>
internal readonly struct LabelSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "label";

    public LabelSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a label name.</summary>
    public SyntaxNode Key => Syntax.Arguments[0];

    /// <summary>a value.</summary>
    public SyntaxNode Value => Syntax.Arguments[1];
}

/// <summary>The setting <c>image VALUE</c>, read against its shape.</summary>
internal readonly struct ImageSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "image";

    public ImageSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>an image reference (string or parameter).</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>command VALUE</c>, read against its shape.</summary>
internal readonly struct CommandSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "command";

    public CommandSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a list of strings such as ["/bin/bash"] (or parameter).</summary>
    public SyntaxNode Value => Syntax.Arguments[0];
}

/// <summary>The setting <c>tty</c>, read against its shape.</summary>
internal readonly struct TtySyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "tty";

    public TtySyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }
}

/// <summary>The setting <c>interactive</c>, read against its shape.</summary>
internal readonly struct InteractiveSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "interactive";

    public InteractiveSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }
}

/// <summary>The setting <c>address NETWORKORADDRESS [ADDRESS]</c>, read against its shape.</summary>
internal readonly struct AddressSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "address";

    public AddressSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a network name or an address.</summary>
    public SyntaxNode NetworkOrAddress => Syntax.Arguments[0];

    /// <summary>an address (optional).</summary>
    public SyntaxNode? Address => Syntax.Argument(1);
}

/// <summary>The setting <c>allow NAME FROM -&gt; TO</c>, read against its shape.</summary>
internal readonly struct AllowSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "allow";

    public AllowSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a rule name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>a zone.</summary>
    public SyntaxNode From => Syntax.Arguments[1];

    /// <summary>a zone.</summary>
    public SyntaxNode To => Syntax.Arguments[2];
}

/// <summary>The setting <c>nptv6 NAME [from …] [to …] [interface …] { … }</c>, read against its shape.</summary>
internal readonly struct FirewallNptv6Syntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "nptv6";

    public FirewallNptv6Syntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a rule name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary><c>from</c> with 1 value (a zone), or null without it.</summary>
    public OptionSyntax? From => Syntax.Option("from");

    /// <summary><c>to</c> with 1 value (a zone), or null without it.</summary>
    public OptionSyntax? To => Syntax.Option("to");

    /// <summary><c>interface</c> with 1 value (an interface name), or null without it.</summary>
    public OptionSyntax? Interface => Syntax.Option("interface");

    /// <summary>Every <c>mapping</c> of the block, in order.</summary>
    public IEnumerable<MappingSyntax> Mappings => Syntax.Settings("mapping").Select(s => new MappingSyntax(s));
}

/// <summary>The setting <c>host NAME ADDRESS</c>, read against its shape.</summary>
internal readonly struct HostSyntax
{
    /// <summary>The keyword that starts it.</summary>
    public const string Keyword = "host";

    public HostSyntax(SettingSyntax syntax) => Syntax = syntax;

    /// <summary>The setting as read (keyword, spans).</summary>
    public SettingSyntax Syntax { get; }

    /// <summary>a host name.</summary>
    public SyntaxNode Name => Syntax.Arguments[0];

    /// <summary>an address.</summary>
    public SyntaxNode Address => Syntax.Arguments[1];
}

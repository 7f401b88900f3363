using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Differential;

/// <summary>
/// What a generated file contains, counted by the generator. The CI seed set must cover every class
/// (<see cref="GeneratorTests"/>); the 300-seed runs report their counts.
/// </summary>
public enum TopologyClass
{
    OneDockerHost,
    TwoDockerHosts,
    DualStackNetwork,
    Ipv6OnlyNetwork,
    Ipv4OnlyNetwork,
    DeclaredBridgeName,
    EngineNamedBridge,
    IpRange,
    CustomGateway,
    FixedAddress,
    ContainerOnTwoNetworks,
    SubnetReusedOnTwoHosts,
    Masquerade,
    RoutedHost,
    DaemonSettings,
    DockerWithoutIp6Tables,
    DockerWithIp6Tables,
    PodmanHost,
    RouterWithStaticRoutes,
    LinkLocalNextHop,
    Firewall,
    SeveralNptv6Rules,
    Nptv6RuleWithSeveralMappings,
    SourceNoNptv6RuleCovers,
    AllowRule,
    NoAllowRule,
    UpstreamRoutes,
    UlaBehindUpstreamWithRouteBack,
    UpstreamIpv4Host,
    Ipv4Infrastructure,
    PositiveExpect,
    NegativeExpect,
    FailingExpect,
    Ipv4Expect,
    LinkLocalExpect,
    ExpectFromContainer,
    ExpectFromDockerHost,
    ExpectFromRouter,
    ExpectFromFirewall,
    ExpectFromUpstream,
    ExpectToContainer,
    ExpectToExternalHost,
}

/// <summary>How often each class occurs (in one file, or summed over seeds).</summary>
public sealed class FeatureCounts
{
    private readonly Dictionary<TopologyClass, int> _counts = new();

    public void Add(TopologyClass c, int n = 1) => _counts[c] = Count(c) + n;

    public void Add(FeatureCounts other)
    {
        foreach (var (c, n) in other._counts) Add(c, n);
    }

    public int Count(TopologyClass c) => _counts.TryGetValue(c, out var n) ? n : 0;

    public IEnumerable<TopologyClass> Missing => System.Enum.GetValues<TopologyClass>().Where(c => Count(c) == 0);

    public override string ToString() => string.Join(", ", System.Enum.GetValues<TopologyClass>().Select(c => $"{c} {Count(c)}"));
}

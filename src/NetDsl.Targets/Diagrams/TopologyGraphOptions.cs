using System.Linq;
using NetDsl.Model;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// How much of a large file the topology draws. A network with more than <see cref="ContainersPerNetwork"/>
/// containers shows them as one box (count, first and last name and address); a host with more than
/// <see cref="NetworksPerHost"/> networks shows all of them as one box. A host in <see cref="ExpandedHosts"/> is
/// drawn whole, whatever its size.
/// </summary>
public sealed record TopologyGraphOptions(int ContainersPerNetwork, int NetworksPerHost, EquatableArray<string> ExpandedHosts)
{
    public const int DefaultContainersPerNetwork = 8;

    public const int DefaultNetworksPerHost = 8;

    public static TopologyGraphOptions Default { get; } = new(DefaultContainersPerNetwork, DefaultNetworksPerHost, EquatableArray<string>.Empty);

    public bool Expands(string host) => ExpandedHosts.Contains(host);

    public TopologyGraphOptions Expanding(params string[] hosts) => this with { ExpandedHosts = ExpandedHosts.Concat(hosts).Distinct().ToEquatableArray() };
}

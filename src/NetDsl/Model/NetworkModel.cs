using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Model;

/// <summary>
/// Everything one .netdsl file describes, bound and checked: parameter values resolved, names linked,
/// addresses predicted. Immutable with value equality (the generator caches on it). Collections keep
/// declaration order, which is also the order every target renders in (so output is deterministic).
/// </summary>
public sealed record NetworkModel(
    string SourcePath,
    EquatableArray<Parameter> Parameters,
    EquatableArray<DockerHost> Hosts,
    EquatableArray<DockerNetwork> Networks,
    EquatableArray<Container> Containers,
    EquatableArray<Router> Routers,
    EquatableArray<Firewall> Firewalls,
    EquatableArray<Upstream> Upstreams,
    EquatableArray<Expectation> Expectations,
    string? Project = null)
{
    /// <summary>
    /// Who owns what this file creates on an engine (label io.netdsl.source): the <c>project NAME</c> statement, else
    /// the file's name. Never a path, so rendered artifacts stay the same wherever the file is.
    /// </summary>
    public string Owner => Project ?? Planning.OwnershipLabels.SourceName(SourcePath);

    /// <summary>A model with nothing in it (what an internal error leaves).</summary>
    public static NetworkModel Empty(string sourcePath) => new(sourcePath, EquatableArray<Parameter>.Empty, EquatableArray<DockerHost>.Empty,
        EquatableArray<DockerNetwork>.Empty, EquatableArray<Container>.Empty, EquatableArray<Router>.Empty, EquatableArray<Firewall>.Empty,
        EquatableArray<Upstream>.Empty, EquatableArray<Expectation>.Empty);

    public DockerHost? FindHost(string name) => Hosts.FirstOrDefault(h => h.Name == name);

    public DockerNetwork? FindNetwork(string name) => Networks.FirstOrDefault(n => n.Name == name);

    public Container? FindContainer(string name) => Containers.FirstOrDefault(c => c.Name == name);

    public Router? FindRouter(string name) => Routers.FirstOrDefault(r => r.Name == name);

    public Firewall? FindFirewall(string name) => Firewalls.FirstOrDefault(f => f.Name == name);

    public Upstream? FindUpstream(string name) => Upstreams.FirstOrDefault(u => u.Name == name);

    public Parameter? FindParameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The networks of one Docker host, in declaration order.</summary>
    public EquatableArray<DockerNetwork> NetworksOn(string host) => Networks.Where(n => n.Host == host).ToEquatableArray();

    /// <summary>The containers attached (first) to a network of the given host.</summary>
    public EquatableArray<Container> ContainersOn(string host)
    {
        // A set, not FindNetwork per container: the planners call this per host, and 10,000 containers times
        // 1,000 networks made it cost as much as binding the file (network names are unique in a bound model).
        var networks = new HashSet<string>(Networks.Where(n => n.Host == host).Select(n => n.Name), StringComparer.Ordinal);
        return Containers.Where(c => c.Attachments.Count > 0 && networks.Contains(c.Attachments[0].Network)).ToEquatableArray();
    }
}

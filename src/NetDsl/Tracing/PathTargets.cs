using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Tracing;

/// <summary>
/// Where an expect's target is: the address to ping and, for a name, the device that must answer (so a ping that
/// another device with the same address answers is not taken for a pass). An address target names no device.
/// </summary>
public sealed record PathTarget(IpAddress Address, string? Device, string? Error)
{
    public static PathTarget Failed(string error) => new(default, null, error);
}

public static class PathTargets
{
    /// <summary>
    /// A container's first address (the IPv4 one on an IPv4-only network); a Docker host, seen from its own containers, at their first network's gateway
    /// (the bridge), else at its first global IPv6 address; an external host at its address on its upstream; any other
    /// device at its first global IPv6 address.
    /// </summary>
    public static PathTarget Resolve(NetworkModel model, Topology topology, TopologyDevice origin, ExpectTarget to)
    {
        if (to.Address is { } literal) return new PathTarget(literal, null, null);
        var name = to.Name!;
        var upstream = topology.Devices.FirstOrDefault(d => d.Hosted.Any(h => h.Name == name));
        if (upstream is not null) return new PathTarget(upstream.Hosted.First(h => h.Name == name).Address, upstream.Name, null);
        var container = model.FindContainer(name);
        if (container is not null && container.Attachments.Count > 0)
        {
            var first = container.Attachments[0];
            if ((first.Ipv6 ?? first.Ipv4) is { } address0) return new PathTarget(address0, name, null);
            return PathTarget.Failed($"'{name}' has no address on network {first.Network} to ping");
        }
        if (model.FindHost(name) is not null && model.FindContainer(origin.Name) is { Attachments.Count: > 0 } c)
        {
            var network = model.FindNetwork(c.Attachments[0].Network);
            if (network?.Host == name && (network.Gateway6 ?? network.Gateway4) is { } gateway) return new PathTarget(gateway, name, null);
        }
        var device = topology.Find(name);
        var address = device?.Interfaces.SelectMany(i => i.Addresses).Select(a => a.Address).FirstOrDefault(a => !a.IsV4 && !a.IsLinkLocal);
        if (address is { } a && a != default) return new PathTarget(a, name, null);
        return PathTarget.Failed($"'{name}' has no IPv6 address to ping");
    }
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Tracing;

public enum DeviceKind
{
    DockerHost,
    Container,
    Router,
    Firewall,
    Upstream,
}

/// <summary>An interface in the traced topology; <see cref="Link"/> groups interfaces that share a subnet.</summary>
public sealed class TopologyInterface
{
    internal TopologyInterface(TopologyDevice device, string name, IReadOnlyList<IpPrefix> addresses, IpAddress? linkLocal, string? zone)
    {
        Device = device;
        Name = name;
        Addresses = addresses;
        LinkLocal = linkLocal;
        Zone = zone;
    }

    public TopologyDevice Device { get; }

    public string Name { get; }

    public IReadOnlyList<IpPrefix> Addresses { get; }

    public IpAddress? LinkLocal { get; }

    public string? Zone { get; }

    public int Link { get; internal set; }

    public bool Owns(IpAddress address) => LinkLocal == address || Addresses.Any(a => a.Address == address);

    /// <summary>The address this interface sends from towards <paramref name="destination"/> (same family, link-local for link-local).</summary>
    public IpAddress? SourceFor(IpAddress destination)
    {
        if (destination.IsLinkLocal) return LinkLocal;
        foreach (var a in Addresses) if (a.IsV4 == destination.IsV4 && !a.Address.IsLinkLocal) return a.Address;
        return null;
    }

    public override string ToString() => Device.Name + " " + Name;
}

/// <summary>A device in the traced topology, with the routes it forwards by.</summary>
public sealed class TopologyDevice
{
    internal TopologyDevice(string name, DeviceKind kind) { Name = name; Kind = kind; }

    public string Name { get; }

    public DeviceKind Kind { get; }

    public List<TopologyInterface> Interfaces { get; } = new();

    public List<Route> Routes { get; } = new();

    /// <summary>Addresses reached through this device without another hop (the external hosts of an upstream).</summary>
    public List<(string Name, IpAddress Address)> Hosted { get; } = new();

    public DockerHost? Host { get; internal set; }

    public Firewall? Firewall { get; internal set; }

    public TopologyInterface? Interface(string? name) => Interfaces.FirstOrDefault(i => i.Name == name);

    public bool Owns(IpAddress address) => Interfaces.Any(i => i.Owns(address) && !address.IsLinkLocal) || Hosted.Any(h => h.Address == address);
}

/// <summary>
/// The model as a graph for tracing: every host, container, router, firewall and upstream with its interfaces
/// (Docker bridges and container endpoints included, at their predicted addresses). Links are inferred from
/// shared subnets, as network analysers do.
/// </summary>
public sealed class Topology
{
    private Topology(List<TopologyDevice> devices) => Devices = devices;

    public IReadOnlyList<TopologyDevice> Devices { get; }

    public TopologyDevice? Find(string name) => Devices.FirstOrDefault(d => d.Name == name);

    public IEnumerable<TopologyInterface> OnLink(int link) => Devices.SelectMany(d => d.Interfaces).Where(i => i.Link == link);

    public static Topology Build(NetworkModel model)
    {
        var devices = new List<TopologyDevice>();
        foreach (var host in model.Hosts)
        {
            var d = new TopologyDevice(host.Name, DeviceKind.DockerHost) { Host = host };
            foreach (var i in host.Interfaces) d.Interfaces.Add(new TopologyInterface(d, i.Name, i.Addresses.ToList(), i.LinkLocal, null));
            foreach (var n in model.Networks.Where(n => n.Host == host.Name))
            {
                var addresses = new List<IpPrefix> { n.Bridge.Global };
                if (n.Bridge.Ipv4 is { } v4) addresses.Add(v4);
                d.Interfaces.Add(new TopologyInterface(d, BridgeInterfaceName(n), addresses, n.Bridge.LinkLocal, null));
            }
            d.Routes.AddRange(host.Routes);
            devices.Add(d);
        }
        foreach (var c in model.Containers)
        {
            var d = new TopologyDevice(c.Name, DeviceKind.Container);
            foreach (var a in c.Attachments)
            {
                var addresses = new List<IpPrefix> { new(a.Ipv6, a.PrefixLength) };
                var network = model.FindNetwork(a.Network);
                if (a.Ipv4 is { } v4 && network?.Subnet4 is { } s4) addresses.Add(new IpPrefix(v4, s4.Length));
                d.Interfaces.Add(new TopologyInterface(d, a.InterfaceName, addresses, a.LinkLocal, null));
            }
            d.Routes.AddRange(c.PredictedRoutes);
            devices.Add(d);
        }
        foreach (var r in model.Routers) devices.Add(Device(r.Name, DeviceKind.Router, r.Interfaces, r.Routes));
        foreach (var f in model.Firewalls)
        {
            var d = Device(f.Name, DeviceKind.Firewall, f.Interfaces, f.Routes);
            d.Firewall = f;
            devices.Add(d);
        }
        foreach (var u in model.Upstreams)
        {
            var d = Device(u.Name, DeviceKind.Upstream, u.Interfaces, u.Routes);
            d.Hosted.AddRange(u.Hosts.Select(h => (h.Name, h.Address)));
            devices.Add(d);
        }
        AssignLinks(devices);
        return new Topology(devices);
    }

    /// <summary>The host-side name of a network's bridge: its declared name, else Docker's "br-…" (known after apply).</summary>
    public static string BridgeInterfaceName(DockerNetwork network) => network.BridgeName ?? "br-" + network.Name;

    private static TopologyDevice Device(string name, DeviceKind kind, EquatableArray<NetworkInterface> interfaces, EquatableArray<Route> routes)
    {
        var d = new TopologyDevice(name, kind);
        foreach (var i in interfaces) d.Interfaces.Add(new TopologyInterface(d, i.Name, i.Addresses.ToList(), i.LinkLocal, i.Zone));
        d.Routes.AddRange(routes);
        return d;
    }

    // Interfaces sharing a connected subnet share a link (union-find over subnets).
    private static void AssignLinks(List<TopologyDevice> devices)
    {
        var all = devices.SelectMany(d => d.Interfaces).ToList();
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var bySubnet = new Dictionary<IpPrefix, int>();
        for (int i = 0; i < all.Count; i++)
        {
            foreach (var a in all[i].Addresses)
            {
                if (a.Address.IsLinkLocal) continue;
                var subnet = a.Network;
                if (bySubnet.TryGetValue(subnet, out int other)) parent[Find(i)] = Find(other);
                else bySubnet[subnet] = i;
            }
        }
        for (int i = 0; i < all.Count; i++) all[i].Link = Find(i);
    }
}

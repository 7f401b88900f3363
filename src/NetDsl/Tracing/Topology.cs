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

/// <summary>An interface in the traced topology; <see cref="Link"/> groups interfaces that share a wire.</summary>
public sealed class TopologyInterface
{
    internal TopologyInterface(TopologyDevice device, string name, IReadOnlyList<IpPrefix> addresses, IpAddress? linkLocal, string? zone, string? bridgeOf = null)
    {
        Device = device;
        Name = name;
        Addresses = addresses;
        LinkLocal = linkLocal;
        Zone = zone;
        BridgeOf = bridgeOf;
    }

    public TopologyDevice Device { get; }

    /// <summary>The interface's name in the file (a vendor name), or for a Docker bridge its name on the host (see <see cref="Topology.BridgeInterfaceName"/>).</summary>
    public string Name { get; }

    public IReadOnlyList<IpPrefix> Addresses { get; }

    public IpAddress? LinkLocal { get; }

    public string? Zone { get; }

    /// <summary>The Docker network whose bridge this is (on a host) or whose endpoint it is (in a container); null for a declared interface.</summary>
    public string? BridgeOf { get; }

    /// <summary>The engine picks this bridge's name (<c>br-</c> + 12 hex digits of the network id): the file gives none.</summary>
    public bool EngineNamed { get; internal set; }

    public int Link { get; internal set; }

    /// <summary>
    /// A stand-in for a link-local address the kernel makes and the file cannot predict (the EUI-64 of a MAC nobody
    /// chose: a Docker bridge's beside its fe80::1, a Linux host's, a container's on a network without an IPv4 subnet,
    /// a vendor interface without a declared link-local). fe80::ffff:ffff:0:N, unique per interface; trace walks with
    /// it and says the source is the kernel's choice. Null when the interface's only link-local is <see cref="LinkLocal"/>.
    /// </summary>
    public IpAddress? KernelLinkLocal { get; internal set; }

    public bool Owns(IpAddress address) => LinkLocal == address || KernelLinkLocal == address || Addresses.Any(a => a.Address == address);

    /// <summary>The address this interface sends from towards <paramref name="destination"/> (same family, link-local for link-local).</summary>
    public IpAddress? SourceFor(IpAddress destination)
    {
        // With a kernel-made link-local beside a known one, the kernel picks by longest matching prefix (RFC 6724 rule 8)
        // against an address nobody knows: the source is the kernel's choice either way.
        if (destination.IsLinkLocal) return KernelLinkLocal ?? LinkLocal;
        foreach (var a in Addresses) if (a.IsV4 == destination.IsV4 && !a.Address.IsLinkLocal) return a.Address;
        return null;
    }

    public override string ToString() => Device.Name + " " + Name;
}

/// <summary>A device in the traced topology: its interfaces, the routes it forwards by and the rules it applies (<see cref="DeviceRules"/>).</summary>
public sealed class TopologyDevice
{
    internal TopologyDevice(string name, DeviceKind kind) { Name = name; Kind = kind; }

    public string Name { get; }

    public DeviceKind Kind { get; }

    public List<TopologyInterface> Interfaces { get; } = new();

    public List<Route> Routes { get; } = new();

    /// <summary>Addresses reached through this device without another hop (the external hosts of an upstream).</summary>
    public List<(string Name, IpAddress Address)> Hosted { get; } = new();

    /// <summary>Forwarding, filters and translations, in the order the device applies them.</summary>
    public DeviceRules Rules { get; internal set; } = DeviceRules.None;

    public DockerHost? Host { get; internal set; }

    public Firewall? Firewall { get; internal set; }

    public TopologyInterface? Interface(string? name) => Interfaces.FirstOrDefault(i => i.Name == name);

    public bool Owns(IpAddress address) => Interfaces.Any(i => i.Owns(address) && !address.IsLinkLocal) || Hosted.Any(h => h.Address == address);
}

/// <summary>
/// The one path model: every host, container, router, firewall and upstream with its interfaces (Docker bridges and
/// container endpoints included, at their predicted addresses), routes and rules. Trace walks it; the lab lowers it.
/// Declared interfaces that share a subnet share a link, as network analysers infer; a Docker network is a link of its
/// own on its host (its bridge and its containers), whatever its subnet — two hosts may reuse a subnet.
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
            var bridges = new List<(DockerNetwork, string)>();
            foreach (var n in model.Networks.Where(n => n.Host == host.Name))
            {
                var addresses = new List<IpPrefix>();
                if (n.Bridge.Global is { } global) addresses.Add(global);
                if (n.Bridge.Ipv4 is { } v4) addresses.Add(v4);
                d.Interfaces.Add(new TopologyInterface(d, BridgeInterfaceName(n), addresses, n.Bridge.LinkLocal, null, n.Name) { EngineNamed = n.BridgeName is null });
                bridges.Add((n, BridgeInterfaceName(n)));
            }
            d.Routes.AddRange(host.Routes);
            d.Rules = DeviceRules.DockerHost(model, host, bridges);
            devices.Add(d);
        }
        foreach (var c in model.Containers)
        {
            var d = new TopologyDevice(c.Name, DeviceKind.Container);
            foreach (var a in c.Attachments)
            {
                var addresses = new List<IpPrefix>();
                if (a.Ipv6 is { } v6 && a.PrefixLength is { } length) addresses.Add(new IpPrefix(v6, length));
                var network = model.FindNetwork(a.Network);
                if (a.Ipv4 is { } v4 && network?.Subnet4 is { } s4) addresses.Add(new IpPrefix(v4, s4.Length));
                d.Interfaces.Add(new TopologyInterface(d, a.InterfaceName, addresses, a.LinkLocal, null, a.Network));
            }
            d.Routes.AddRange(c.PredictedRoutes);
            devices.Add(d);
        }
        foreach (var r in model.Routers)
        {
            var d = Device(r.Name, DeviceKind.Router, r.Interfaces, r.Routes);
            d.Rules = DeviceRules.Router("IOS");
            devices.Add(d);
        }
        foreach (var f in model.Firewalls)
        {
            var d = Device(f.Name, DeviceKind.Firewall, f.Interfaces, f.Routes);
            d.Firewall = f;
            d.Rules = DeviceRules.Firewall(f);
            devices.Add(d);
        }
        foreach (var u in model.Upstreams)
        {
            var d = Device(u.Name, DeviceKind.Upstream, u.Interfaces, u.Routes);
            d.Hosted.AddRange(u.Hosts.Select(h => (h.Name, h.Address)));
            d.Rules = DeviceRules.Router("the upstream");
            devices.Add(d);
        }
        AssignLinks(devices);
        int unknown = 0;
        foreach (var i in devices.SelectMany(d => d.Interfaces))
        {
            // A declared link-local replaces the automatic one on IOS and PAN-OS (the lab removes the kernel's); a container's
            // is the EUI-64 of its predicted MAC; everything else keeps a kernel-made one.
            bool vendor = i.Device.Kind is DeviceKind.Router or DeviceKind.Firewall or DeviceKind.Upstream;
            bool known = i.LinkLocal is not null && (vendor || i.Device.Kind == DeviceKind.Container);
            if (!known) i.KernelLinkLocal = IpAddress.V6(0xfe80_0000_0000_0000UL, 0xffff_ffff_0000_0000UL | (uint)++unknown);
        }
        return new Topology(devices);
    }

    /// <summary>
    /// The host-side name of a network's bridge: its declared name, else "br-&lt;NETWORK id&gt;" — Docker names it
    /// "br-" + the first 12 hex digits of the network id, known only once the engine created it (the lab reads it there).
    /// </summary>
    public static string BridgeInterfaceName(DockerNetwork network) => network.BridgeName ?? "br-<" + network.Name + " id>";

    private static TopologyDevice Device(string name, DeviceKind kind, EquatableArray<NetworkInterface> interfaces, EquatableArray<Route> routes)
    {
        var d = new TopologyDevice(name, kind);
        foreach (var i in interfaces) d.Interfaces.Add(new TopologyInterface(d, i.Name, i.Addresses.ToList(), i.LinkLocal, i.Zone));
        d.Routes.AddRange(routes);
        return d;
    }

    // Declared interfaces sharing a connected subnet share a link (union-find over subnets); a Docker network's bridge and
    // endpoints are one link keyed by the network, never joined to anything by subnet.
    private static void AssignLinks(List<TopologyDevice> devices)
    {
        var all = devices.SelectMany(d => d.Interfaces).ToList();
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var bySubnet = new Dictionary<IpPrefix, int>();
        var byNetwork = new Dictionary<string, int>();
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].BridgeOf is { } network)
            {
                if (byNetwork.TryGetValue(network, out int member)) parent[Find(i)] = Find(member);
                else byNetwork[network] = i;
                continue;
            }
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

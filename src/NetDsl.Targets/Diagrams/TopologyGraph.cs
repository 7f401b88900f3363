using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Targets.Diagrams;

/// <summary>
/// The topology of a model as a <see cref="DiagramGraph"/>: each Docker host framed with its bridges and
/// containers (addresses as predicted or pinned), routers, each firewall framed with one box per zone and its
/// allow rules between zones, upstreams with their external hosts. Links are the tracer's
/// (<see cref="Topology"/>: interfaces sharing a subnet) and are labelled with their prefixes and interface
/// names; a link with three or more devices gets a box of its own. Masquerade and NPTv6 are written on the link
/// where they rewrite (the interface a packet leaves by). Large files are collapsed (<see cref="TopologyGraphOptions"/>).
/// </summary>
public static class TopologyGraph
{
    public static DiagramGraph Build(NetworkModel model, TopologyGraphOptions? options = null) =>
        new Builder(model, options ?? TopologyGraphOptions.Default).Build();

    /// <summary>A route as the file writes it: <c>route ::/0 via fe80::1 dev ens192</c>.</summary>
    public static string Describe(Route route) =>
        "route " + route.Destination
        + (route.NextHop is { } hop ? " via " + hop : "")
        + (route.Interface is { } dev ? " dev " + dev : "")
        + (route.Origin == RouteOrigin.RouterAdvertisement ? " proto ra" : "");

    private sealed class Builder
    {
        private readonly NetworkModel _model;
        private readonly TopologyGraphOptions _options;
        private readonly List<DiagramCluster> _clusters = new();
        private readonly List<DiagramNode> _nodes = new();
        private readonly List<DiagramEdge> _edges = new();

        // Which box stands for an interface of the tracer's topology (device, interface name).
        private readonly Dictionary<(string Device, string Interface), string> _boxOf = new();

        // Boxes that are a link's hub when one of their interfaces is on it (bridges, collapsed host networks).
        private readonly HashSet<string> _hubs = new(StringComparer.Ordinal);

        // What happens to a packet leaving by an interface (masquerade, NPTv6), keyed like _boxOf.
        private readonly Dictionary<(string Device, string Interface), List<string>> _rewrites = new();
        private readonly List<(string Device, string Interface)> _rewriteOrder = new();
        private readonly HashSet<(string Device, string Interface)> _placed = new();

        public Builder(NetworkModel model, TopologyGraphOptions options)
        {
            _model = model;
            _options = options;
        }

        public DiagramGraph Build()
        {
            var topology = Topology.Build(_model);
            foreach (var host in _model.Hosts) AddHost(host, topology.Devices.FirstOrDefault(d => ReferenceEquals(d.Host, host)));
            foreach (var router in _model.Routers) AddRouter(router);
            foreach (var firewall in _model.Firewalls) AddFirewall(firewall);
            foreach (var upstream in _model.Upstreams) AddUpstream(upstream);
            // A container whose network is not on a declared host (a partial model) still gets a box.
            foreach (var c in _model.Containers.Where(c => !_boxOf.ContainsKey((c.Name, c.Attachments.FirstOrDefault()?.InterfaceName ?? ""))))
                AddContainer(c, null);
            AddLinks(topology);
            AddUnplacedRewrites();
            return new DiagramGraph(_clusters.ToEquatableArray(), _nodes.ToEquatableArray(), _edges.ToEquatableArray());
        }

        private string Node(DiagramNodeKind kind, IEnumerable<string> lines, string? cluster)
        {
            string id = "n" + _nodes.Count.ToString(CultureInfo.InvariantCulture);
            _nodes.Add(new DiagramNode(id, kind, lines.ToEquatableArray(), cluster));
            return id;
        }

        private string Cluster(string label)
        {
            string id = "c" + _clusters.Count.ToString(CultureInfo.InvariantCulture);
            _clusters.Add(new DiagramCluster(id, label));
            return id;
        }

        private void Edge(string from, string to, DiagramEdgeKind kind, IEnumerable<string> lines) =>
            _edges.Add(new DiagramEdge(from, to, kind, lines.ToEquatableArray()));

        // The host's masquerades are read from its device rules in the path model (what trace follows), so which
        // interfaces one rewrites is said once; the engine's own masquerades are not drawn.
        private void AddHost(DockerHost host, TopologyDevice? device)
        {
            string cluster = Cluster("docker-host " + host.Name);
            var lines = new List<string> { host.Name, "docker-host, engine " + host.Engine };
            lines.AddRange(host.Interfaces.Select(Describe));
            lines.AddRange(host.Routes.Select(Describe));
            if (host.Daemon.FixedCidrV6 is { } cidr) lines.Add("fixed-cidr-v6 " + cidr);
            lines.AddRange(host.Masquerades.Select(m => m.Describe()));
            string box = Node(DiagramNodeKind.DockerHost, lines, cluster);
            var masquerades = device?.Rules.Nat.Where(r => r.Kind == NatKind.Masquerade && r.Maker == RuleMaker.Apply).ToList() ?? new List<NatRule>();
            foreach (var i in host.Interfaces)
            {
                _boxOf[(host.Name, i.Name)] = box;
                foreach (var m in masquerades.Where(m => m.Out.Matches(i.Name)))
                    Rewrites(host.Name, i.Name).Add(m.Origin);
            }

            var networks = _model.NetworksOn(host.Name);
            bool expanded = _options.Expands(host.Name);
            if (!expanded && networks.Count > _options.NetworksPerHost)
            {
                var containers = _model.ContainersOn(host.Name);
                string summary = Node(DiagramNodeKind.ContainerGroup, new[]
                {
                    Count(networks.Count, "network") + ", " + Count(containers.Count, "container"),
                    Subnets(networks[0]) + " … " + Subnets(networks[networks.Count - 1]),
                    "netdsl graph --expand " + host.Name + " draws them",
                }, cluster);
                _hubs.Add(summary);
                Edge(summary, box, DiagramEdgeKind.Attachment, Array.Empty<string>());
                foreach (var n in networks) _boxOf[(host.Name, Topology.BridgeInterfaceName(n))] = summary;
                foreach (var c in containers)
                    foreach (var a in c.Attachments) _boxOf[(c.Name, a.InterfaceName)] = summary;
                return;
            }

            foreach (var n in networks)
            {
                var bridge = new List<string> { "bridge " + Topology.BridgeInterfaceName(n), "network " + n.Name + " (" + n.Driver + (n.EnableIpv6 ? ")" : ", IPv4-only)") };
                if (n.Bridge.Global is { } global) bridge.Add(global.ToString());
                if (n.Bridge.LinkLocal is { } ll) bridge.Add(ll.ToString());
                if (n.Bridge.Ipv4 is { } v4) bridge.Add(v4.ToString());
                string bridgeBox = Node(DiagramNodeKind.Bridge, bridge, cluster);
                _hubs.Add(bridgeBox);
                _boxOf[(host.Name, Topology.BridgeInterfaceName(n))] = bridgeBox;
                // Drawn from the inside out (containers, bridge, host, routers…): layouts rank boxes along edge direction.
                Edge(bridgeBox, box, DiagramEdgeKind.Attachment, Array.Empty<string>());

                var members = _model.Containers.Where(c => c.Attachments.Count > 0 && c.Attachments[0].Network == n.Name).ToList();
                if (!expanded && members.Count > _options.ContainersPerNetwork) AddContainerGroup(members, cluster);
                else foreach (var c in members) AddContainer(c, cluster);
            }
        }

        private void AddContainer(Container c, string? cluster)
        {
            var lines = new List<string> { c.Name };
            foreach (var a in c.Attachments)
            {
                if (a.Ipv6 is { } v6 && a.PrefixLength is { } length)
                    lines.Add(a.InterfaceName + " " + v6 + "/" + length.ToString(CultureInfo.InvariantCulture) + (a.Ipv6Fixed ? "" : " (predicted)"));
                if (a.Ipv4 is { } v4) lines.Add(a.InterfaceName + " " + v4);
            }
            string box = Node(DiagramNodeKind.Container, lines, cluster);
            foreach (var a in c.Attachments) _boxOf[(c.Name, a.InterfaceName)] = box;
        }

        private void AddContainerGroup(List<Container> members, string cluster)
        {
            var first = members[0];
            var last = members[members.Count - 1];
            string box = Node(DiagramNodeKind.ContainerGroup, new[]
            {
                Count(members.Count, "container"),
                first.Name + " … " + last.Name,
                FirstAddress(first) + " … " + FirstAddress(last),
            }, cluster);
            foreach (var c in members)
                foreach (var a in c.Attachments) _boxOf[(c.Name, a.InterfaceName)] = box;
        }

        private static string Subnets(DockerNetwork n) => n.Subnet6?.ToString() ?? n.Subnet4?.ToString() ?? "";

        private static string FirstAddress(Container c) => (c.Attachments[0].Ipv6 ?? c.Attachments[0].Ipv4)?.ToString() ?? "";

        private void AddRouter(Router router)
        {
            var lines = new List<string> { router.Name, "router (" + DialectName(router.Dialect) + ")" };
            lines.AddRange(router.Interfaces.Select(Describe));
            lines.AddRange(router.Routes.Select(Describe));
            string box = Node(DiagramNodeKind.Router, lines, null);
            foreach (var i in router.Interfaces) _boxOf[(router.Name, i.Name)] = box;
        }

        private void AddFirewall(Firewall firewall)
        {
            string cluster = Cluster("firewall " + firewall.Name + " (" + DialectName(firewall.Dialect) + ")");
            // One box per zone, in order of first use; routes go to the zone of the interface they leave by.
            var zones = new List<(string? Zone, List<string> Lines)>();
            List<string> ZoneLines(string? zone)
            {
                foreach (var z in zones) if (z.Zone == zone) return z.Lines;
                var lines = new List<string> { zone is null ? firewall.Name + ": interfaces without a zone" : "zone " + zone };
                zones.Add((zone, lines));
                return lines;
            }
            foreach (var i in firewall.Interfaces) ZoneLines(i.Zone).Add(Describe(i));
            foreach (var r in firewall.Routes)
            {
                var egress = firewall.Interfaces.FirstOrDefault(i => i.Name == r.Interface)
                             ?? firewall.Interfaces.FirstOrDefault(i => r.NextHop is { } hop && i.Addresses.Any(a => a.Network.Contains(hop)));
                ZoneLines(egress is null ? firewall.Interfaces.FirstOrDefault()?.Zone : egress.Zone).Add(Describe(r));
            }
            foreach (var allow in firewall.Allows) { ZoneLines(allow.FromZone); ZoneLines(allow.ToZone); }
            if (zones.Count == 0) zones.Add((null, new List<string> { firewall.Name }));

            var boxes = zones.Select(z => (z.Zone, Box: Node(DiagramNodeKind.Zone, z.Lines, cluster))).ToList();
            string BoxOf(string? zone) => boxes.First(b => b.Zone == zone).Box;
            foreach (var i in firewall.Interfaces) _boxOf[(firewall.Name, i.Name)] = BoxOf(i.Zone);
            foreach (var allow in firewall.Allows)
                Edge(BoxOf(allow.FromZone), BoxOf(allow.ToZone), DiagramEdgeKind.Allow, new[] { "allow " + allow.Name });
            foreach (var rule in firewall.Nptv6Rules)
            {
                var rewrites = Rewrites(firewall.Name, rule.Interface);
                rewrites.Add("NPTv6 " + rule.Name + " (" + rule.FromZone + " → " + rule.ToZone + ")");
                rewrites.AddRange(rule.Mappings.Select(m => m.Inside + " → " + m.Outside));
            }
        }

        private void AddUpstream(Upstream upstream)
        {
            var lines = new List<string> { upstream.Name, "upstream" };
            lines.AddRange(upstream.Interfaces.Select(Describe));
            lines.AddRange(upstream.Routes.Select(Describe));
            string box = Node(DiagramNodeKind.Upstream, lines, null);
            foreach (var i in upstream.Interfaces) _boxOf[(upstream.Name, i.Name)] = box;
            foreach (var h in upstream.Hosts)
                Edge(box, Node(DiagramNodeKind.ExternalHost, new[] { h.Name, h.Address.ToString() }, null), DiagramEdgeKind.Link, Array.Empty<string>());
        }

        private void AddLinks(Topology topology)
        {
            var links = new List<List<TopologyInterface>>();
            var byLink = new Dictionary<int, List<TopologyInterface>>();
            foreach (var i in topology.Devices.SelectMany(d => d.Interfaces))
            {
                if (!_boxOf.ContainsKey((i.Device.Name, i.Name))) continue;
                if (!byLink.TryGetValue(i.Link, out var members)) links.Add(byLink[i.Link] = members = new List<TopologyInterface>());
                members.Add(i);
            }
            foreach (var members in links) AddLink(members);
        }

        private void AddLink(List<TopologyInterface> members)
        {
            var boxes = members.Select(i => _boxOf[(i.Device.Name, i.Name)]).Distinct().ToList();
            if (boxes.Count < 2) return;
            var prefixes = members.SelectMany(i => i.Addresses).Where(a => !a.Address.IsLinkLocal).Select(a => a.Network).Distinct().ToList();
            string prefixLine = string.Join(", ", prefixes);

            // A bridge is where its containers' links meet; so is a collapsed box of networks.
            string? hub = boxes.FirstOrDefault(_hubs.Contains);
            if (hub is null && boxes.Count == 2)
            {
                var a = members.First(i => _boxOf[(i.Device.Name, i.Name)] == boxes[0]);
                var b = members.First(i => _boxOf[(i.Device.Name, i.Name)] == boxes[1]);
                var lines = new List<string> { prefixLine, a.Name + " — " + b.Name };
                lines.AddRange(RewritesOn(a));
                lines.AddRange(RewritesOn(b));
                Edge(boxes[0], boxes[1], DiagramEdgeKind.Link, lines);
                return;
            }
            bool shared = hub is null;
            hub ??= Node(DiagramNodeKind.Link, new[] { "link", prefixLine }, null);
            // Inside out: the innermost kind on a shared link points at it, the others away from it.
            int innermost = members.Min(i => Depth(i.Device.Kind));
            // One edge per box (a collapsed box has many interfaces on the link), labelled with its interface names.
            foreach (var group in members.Where(i => _boxOf[(i.Device.Name, i.Name)] != hub).GroupBy(i => _boxOf[(i.Device.Name, i.Name)]))
            {
                var names = group.Select(i => i.Name).Distinct().ToList();
                int count = group.Count();
                var lines = new List<string> { count > 1 ? string.Join(", ", names) + " ×" + count.ToString(CultureInfo.InvariantCulture) : names[0] };
                foreach (var i in group) lines.AddRange(RewritesOn(i));
                if (!shared) Edge(group.Key, hub, DiagramEdgeKind.Attachment, lines.Distinct());
                else if (group.Min(i => Depth(i.Device.Kind)) == innermost) Edge(group.Key, hub, DiagramEdgeKind.Link, lines.Distinct());
                else Edge(hub, group.Key, DiagramEdgeKind.Link, lines.Distinct());
            }
        }

        private IEnumerable<string> RewritesOn(TopologyInterface i)
        {
            if (!_rewrites.TryGetValue((i.Device.Name, i.Name), out var lines)) return Enumerable.Empty<string>();
            _placed.Add((i.Device.Name, i.Name));
            return lines.Select((l, n) => n == 0 ? i.Device.Name + " " + i.Name + ": " + l : l);
        }

        // A rule on an interface no link reaches (nothing else declared on its subnet) is written in its box instead,
        // so no rule is ever left out of the picture.
        private void AddUnplacedRewrites()
        {
            foreach (var key in _rewriteOrder)
            {
                var lines = _rewrites[key];
                if (_placed.Contains(key) || !_boxOf.TryGetValue(key, out var box)) continue;
                int index = _nodes.FindIndex(n => n.Id == box);
                var node = _nodes[index];
                if (node.Kind == DiagramNodeKind.DockerHost) continue; // its masquerade rules are in its box already
                _nodes[index] = node with { Lines = node.Lines.Concat(lines.Select((l, n) => n == 0 ? key.Interface + ": " + l : l)).ToEquatableArray() };
            }
        }

        private List<string> Rewrites(string device, string interfaceName)
        {
            if (!_rewrites.TryGetValue((device, interfaceName), out var list))
            {
                _rewrites[(device, interfaceName)] = list = new List<string>();
                _rewriteOrder.Add((device, interfaceName));
            }
            return list;
        }
    }

    private static string Describe(NetworkInterface i)
    {
        var addresses = i.Addresses.Select(a => a.ToString()).ToList();
        if (i.LinkLocal is { } ll) addresses.Add(ll.ToString());
        return i.Name + (addresses.Count > 0 ? " " + string.Join(", ", addresses) : "");
    }

    /// <summary>How far from the containers a kind of device usually sits, so drawings read from the inside out.</summary>
    private static int Depth(DeviceKind kind) => kind switch
    {
        DeviceKind.Container => 0,
        DeviceKind.DockerHost => 1,
        DeviceKind.Router => 2,
        DeviceKind.Firewall => 3,
        _ => 4,
    };

    private static string DialectName(Dialect dialect) => dialect == Dialect.Ios ? "ios" : "panos";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}

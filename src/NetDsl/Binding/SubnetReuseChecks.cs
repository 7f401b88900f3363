using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Binding;

/// <summary>
/// Where a Docker network's subnet may appear twice. A Docker network is a link of its own on its host, so the same
/// subnet on two hosts is legal when nothing routes to it: each host's containers reach their own, masqueraded (the
/// usual default setup). It is an error when a route leads it to one of the two hosts (the other host's containers
/// are then unreachable by that address, and a ping to them is answered by the first), and when it overlaps a
/// declared interface's subnet (two links, one prefix).
/// </summary>
internal static class SubnetReuseChecks
{
    public static void Run(BindingContext context, IReadOnlyList<DockerHost> hosts, IReadOnlyList<DockerNetwork> networks,
        IReadOnlyList<Router> routers, IReadOnlyList<Firewall> firewalls, IReadOnlyList<Upstream> upstreams)
    {
        var devices = hosts.Select(h => (Kind: "docker-host", h.Name, h.Interfaces, h.Routes))
            .Concat(routers.Select(r => (Kind: "router", r.Name, r.Interfaces, r.Routes)))
            .Concat(firewalls.Select(f => (Kind: "firewall", f.Name, f.Interfaces, f.Routes)))
            .Concat(upstreams.Select(u => (Kind: "upstream", u.Name, u.Interfaces, u.Routes)))
            .ToList();

        foreach (var network in networks)
        {
            var clash = devices.SelectMany(d => d.Interfaces.SelectMany(i => i.Addresses.Where(a => !a.Address.IsLinkLocal).Select(a => (d, i, a))))
                .Select(x => (x.d, x.i, x.a, Subnet: Subnets(network).FirstOrDefault(s => s.Overlaps(x.a.Network))))
                .FirstOrDefault(x => x.Subnet != default);
            if (clash.i is not null)
                context.Diagnostics.Report(DiagnosticDefinitions.SubnetOnTwoLinks, network.Span, network.Name, clash.Subnet, clash.a.Network,
                    clash.d.Kind + " " + clash.d.Name, "interface " + clash.i.Name);
        }

        for (int later = 0; later < networks.Count; later++)
        {
            for (int earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (networks[earlier], networks[later]);
                if (a.Host == b.Host) continue;   // one host's overlaps are NDSL2006
                var shared = Subnets(b).FirstOrDefault(s => Subnets(a).Any(o => o.Overlaps(s)));
                if (shared == default) continue;
                var routed = devices.SelectMany(d => d.Routes.Select(r => (d, r)))
                    .Where(x => x.r.Destination.Length > 0 && x.r.Destination.Overlaps(shared) && x.r.NextHop is { } hop)
                    .Select(x => (x.d, x.r, Host: hosts.FirstOrDefault(h => (h.Name == a.Host || h.Name == b.Host) && Owns(h, x.r.NextHop!.Value))))
                    .FirstOrDefault(x => x.Host is not null);
                if (routed.Host is null) continue;
                context.Diagnostics.Report(DiagnosticDefinitions.RoutedSubnetReused, b.Span, b.Name, b.Host, shared, a.Name, a.Host,
                    routed.d.Kind + " " + routed.d.Name, routed.r.Destination, routed.Host.Name);
                break;
            }
        }
    }

    private static IEnumerable<IpPrefix> Subnets(DockerNetwork n) => new[] { n.Subnet6, n.Subnet4 }.Where(p => p is not null).Select(p => p!.Value);

    private static bool Owns(DockerHost host, IpAddress address) => host.Interfaces.Any(i => i.LinkLocal == address || i.Addresses.Any(a => a.Address == address));
}

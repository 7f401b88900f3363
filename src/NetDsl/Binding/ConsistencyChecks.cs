using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Naming;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>Checks across statements: overlapping subnets on a host, bridge names, C# identifier collisions.</summary>
internal static class ConsistencyChecks
{
    /// <summary>Interfaces every Docker host has without declaring them: the loopback and the default bridge.</summary>
    private static readonly string[] AlwaysPresent = { "lo", "docker0" };

    private readonly record struct Subnet(int Order, DockerNetwork? Network, IpPrefix Prefix);

    /// <summary>
    /// Overlapping subnets (and fixed-cidr-v6) of one host, by a sweep over the prefixes sorted by first address:
    /// O(n log n), so a thousand networks cost no more than a sort. Each clash is reported once, on the network
    /// declared later, naming the earlier one.
    /// </summary>
    private static void ReportOverlaps(BindingContext context, DockerHost host, List<DockerNetwork> networks)
    {
        var subnets = new List<Subnet>();
        if (host.Daemon.FixedCidrV6 is { } cidr) subnets.Add(new Subnet(-1, null, cidr));
        for (int i = 0; i < networks.Count; i++)
        {
            if (networks[i].Subnet6 is { } v6) subnets.Add(new Subnet(i, networks[i], v6));
            if (networks[i].Subnet4 is { } v4) subnets.Add(new Subnet(i, networks[i], v4));
        }
        var reported = new HashSet<int>();
        foreach (var family in subnets.GroupBy(s => s.Prefix.IsV4))
        {
            var sorted = family.OrderBy(s => s.Prefix.FirstAddress.High).ThenBy(s => s.Prefix.FirstAddress.Low).ThenBy(s => s.Order).ToList();
            Subnet? widest = null;
            foreach (var current in sorted)
            {
                if (widest is { } w && !After(current.Prefix.FirstAddress, w.Prefix.LastAddress))
                {
                    var (later, earlier) = current.Order > w.Order ? (current, w) : (w, current);
                    if (later.Network is { } network && reported.Add(later.Order))
                        context.Diagnostics.Report(DiagnosticDefinitions.OverlappingSubnets, network.Span, "Network " + network.Name, later.Prefix,
                            earlier.Network is null ? "fixed-cidr-v6" : "network " + earlier.Network.Name, earlier.Prefix, host.Name);
                }
                if (widest is null || After(current.Prefix.LastAddress, widest.Value.Prefix.LastAddress)) widest = current;
            }
        }
    }

    private static bool After(IpAddress a, IpAddress b) => a.High > b.High || (a.High == b.High && a.Low > b.Low);

    public static void Run(BindingContext context, IReadOnlyList<DockerHost> hosts, IReadOnlyList<DockerNetwork> networks, IEnumerable<(string Category, string Name, SourceSpan Span)> declared)
    {
        foreach (var host in hosts)
        {
            ReportOverlaps(context, host, networks.Where(n => n.Host == host.Name).ToList());
            var bridges = new Dictionary<string, string>();
            foreach (var network in networks.Where(n => n.Host == host.Name && n.BridgeName is not null))
            {
                if (bridges.TryGetValue(network.BridgeName!, out var other))
                    context.Diagnostics.Report(DiagnosticDefinitions.DuplicateName, network.Span, network.BridgeName, "bridge of network " + other, "?");
                else
                    bridges[network.BridgeName!] = network.Name;
            }
        }

        // emit writes a folder per host, router and firewall beside its own files (topology.md).
        foreach (var (category, name, span) in declared)
        {
            if (category is "hosts" or "routers" or "firewalls" && OutputNames.IsReserved(name))
                context.Diagnostics.Report(DiagnosticDefinitions.DeviceNameReserved, span, name, category switch { "hosts" => "docker host", "routers" => "router", _ => "firewall" },
                    OutputNames.AtRoot.First(f => string.Equals(f, name, System.StringComparison.OrdinalIgnoreCase)));
        }

        // A masquerade on an interface the host does not have matches no packet: nft accepts it and nothing happens.
        foreach (var (hostName, name, span) in context.HostInterfaceUses)
        {
            var host = hosts.FirstOrDefault(h => h.Name == hostName);
            if (host is null) continue;
            var known = host.Interfaces.Select(i => i.Name).Concat(AlwaysPresent)
                .Concat(networks.Where(n => n.Host == hostName && n.BridgeName is not null).Select(n => n.BridgeName!)).ToList();
            if (!known.Contains(name))
                context.Diagnostics.Report(DiagnosticDefinitions.UnknownInterface, span, hostName, name, DevicePartsBinder.Known(name, known));
        }

        // Generated C# puts each category in its own nested class; names colliding there would not compile.
        foreach (var group in declared.GroupBy(d => d.Category))
        {
            var seen = new Dictionary<string, string>();
            foreach (var (_, name, span) in group)
            {
                string id = Identifiers.ToPascalCase(name);
                if (seen.TryGetValue(id, out var first) && first != name)
                    context.Diagnostics.Report(DiagnosticDefinitions.IdentifierCollision, span, first, name, id);
                else
                    seen[id] = name;
            }
        }
    }
}

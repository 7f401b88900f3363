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
    public static void Run(BindingContext context, IReadOnlyList<DockerHost> hosts, IReadOnlyList<DockerNetwork> networks, IEnumerable<(string Category, string Name, SourceSpan Span)> declared)
    {
        foreach (var host in hosts)
        {
            var prefixes = new List<(string What, IpPrefix Prefix, SourceSpan Span)>();
            if (host.Daemon.FixedCidrV6 is { } cidr) prefixes.Add(("fixed-cidr-v6", cidr, host.Daemon.Span));
            foreach (var network in networks.Where(n => n.Host == host.Name))
            {
                foreach (var subnet in new[] { (IpPrefix?)network.Subnet6, network.Subnet4 })
                {
                    if (subnet is not { } s) continue;
                    var clash = prefixes.FirstOrDefault(p => p.Prefix.IsV4 == s.IsV4 && p.Prefix.Overlaps(s));
                    if (clash.What is not null)
                        context.Diagnostics.Report(DiagnosticDescriptors.OverlappingSubnets, network.Span, "Network " + network.Name, s, clash.What, clash.Prefix, host.Name);
                    prefixes.Add(("network " + network.Name, s, network.Span));
                }
            }
            var bridges = new Dictionary<string, string>();
            foreach (var network in networks.Where(n => n.Host == host.Name && n.BridgeName is not null))
            {
                if (bridges.TryGetValue(network.BridgeName!, out var other))
                    context.Diagnostics.Report(DiagnosticDescriptors.DuplicateName, network.Span, network.BridgeName, "bridge of network " + other, "?");
                else
                    bridges[network.BridgeName!] = network.Name;
            }
        }

        // Generated C# puts each category in its own nested class; names colliding there would not compile.
        foreach (var group in declared.GroupBy(d => d.Category))
        {
            var seen = new Dictionary<string, string>();
            foreach (var (_, name, span) in group)
            {
                string id = Identifiers.ToPascalCase(name);
                if (seen.TryGetValue(id, out var first) && first != name)
                    context.Diagnostics.Report(DiagnosticDescriptors.IdentifierCollision, span, first, name, id);
                else
                    seen[id] = name;
            }
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Diagnostics;
using NetDsl.Engines;
using NetDsl.Model;

namespace NetDsl.Binding;

/// <summary>Checks of a host against what its engine does by itself (the engine table).</summary>
internal static class EngineChecks
{
    /// <summary>
    /// A host masquerade that covers traffic the engine already masquerades (Docker with ip6tables on, Podman's
    /// netavark): a warning on the masquerade's line naming the engine's own rule.
    /// </summary>
    public static void Run(BindingContext context, IReadOnlyList<DockerHost> hosts, IReadOnlyList<DockerNetwork> networks)
    {
        foreach (var host in hosts)
        {
            var onHost = networks.Where(n => n.Host == host.Name).ToList();
            foreach (var m in host.Masquerades)
            {
                var firewall = EngineFirewall.For(host, onHost, m.Family);
                var covered = firewall.Bridges.Where(b => b.Masquerade && (m.Source is null || m.Source.Value.Contains(b.Subnet) || b.Subnet.Contains(m.Source.Value))).ToList();
                if (covered.Count == 0) continue;
                var first = covered[0];
                string rule = firewall.MasqueradeRule(first, first.Bridge ?? "BRIDGE");
                context.Diagnostics.Report(DiagnosticDefinitions.DuplicateMasquerade, m.Span, host.Engine.Title,
                    string.Join(", ", covered.Select(b => "network " + b.Network)), rule);
            }
        }
    }
}

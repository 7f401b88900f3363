using System.Collections.Generic;
using System.Linq;
using NetDsl.Engines;
using NetDsl.Model;

namespace NetDsl.Tracing;

/// <summary>
/// The rules the host's container engine makes by itself, as path facts (<see cref="RuleMaker.Engine"/>): trace walks
/// them; the lab does not lower them, because its private engine makes the real ones — so each row is tested against a
/// real engine by the differential harness (Docker 20.10 with and without ip6tables, Podman 4.3), and against moby's
/// own rule listings for 27–29 (<see cref="EngineFirewall"/> and the engine table, which say per version, daemon
/// settings and gateway mode what the engine does; this class only turns that into filters and translations).
///
/// Per family whose rules the engine makes (IPv4 unless iptables false; IPv6 with ip6tables on — 20.10 with
/// experimental, 27.0 and later by default — and always on Podman), in the order the engine evaluates them:
/// new connections from its other bridges into a network it isolates are dropped (DOCKER-ISOLATION, NETAVARK_ISOLATION,
/// or 28.0's DOCKER chain); replies into a network, traffic leaving it and traffic within it are accepted; new
/// connections from elsewhere into a network are dropped (28.0 nat mode), accepted (nat-unprotected; routed mode lets
/// ICMP in, which is what a ping needs) or left to the FORWARD policy, which the engine may have set to DROP. The subnet
/// is masqueraded when it leaves by another interface, unless the network is routed or its masquerade is off.
///
/// Bridged traffic: the bridge driver loads br_netfilter with bridge-nf-call-iptables/-ip6tables on, so frames between
/// two containers of one network cross the host's rules (its masquerade too: seen in the lab, `masquerade ipv6 out-not
/// lo` rewrites container-to-container pings to the bridge's address).
/// </summary>
public static class DockerEngineRules
{
    public static DeviceRules For(NetworkModel model, DockerHost host, IReadOnlyList<(DockerNetwork Network, string Bridge)> bridges)
    {
        var filters = new List<FilterRule>();
        var policies = new List<FilterPolicy>();
        var nat = new List<NatRule>();
        var forwarding = new List<ForwardingFact>();
        var byNetwork = bridges.ToDictionary(b => b.Network.Name, b => b.Bridge);
        var networks = bridges.Select(b => b.Network).ToList();
        string engine = host.Engine.Kind == EngineKind.Docker ? "Docker" : "Podman";
        foreach (var family in new[] { IpFamily.Ipv6, IpFamily.Ipv4 })
        {
            if (family == IpFamily.Ipv4)
                forwarding.Add(new ForwardingFact(IpFamily.Ipv4, true, engine + " sets net.ipv4.ip_forward=1", RuleMaker.Engine));
            var fw = EngineFirewall.For(host, networks, family);
            if (!fw.Active) continue;
            string f = family == IpFamily.Ipv6 ? "ip6tables" : "iptables";
            string maker = fw.Backend switch
            {
                FirewallBackend.Nftables => engine + " (nftables docker-bridges)",
                FirewallBackend.Netavark => engine + " (netavark, " + f + ")",
                _ => engine + " (" + f + ")",
            };
            var rules = fw.Bridges.Where(b => byNetwork.ContainsKey(b.Network)).Select(b => (Rules: b, Bridge: byNetwork[b.Network])).ToList();
            var all = rules.Select(r => r.Bridge).ToArray();
            foreach (var (b, bridge) in rules)
            {
                var others = all.Where(x => x != bridge).ToArray();
                if (others.Length > 0 && b.FromOtherBridges == EngineInbound.Drop)
                    filters.Add(new FilterRule(family, InterfaceMatch.Of(others), InterfaceMatch.Of(bridge), PacketMatch.All, FilterAction.Drop,
                        $"{maker}: isolation drops traffic from another bridge network into network {b.Network}", RuleMaker.Engine));
            }
            foreach (var (b, bridge) in rules)
            {
                filters.Add(new FilterRule(family, InterfaceMatch.Any, InterfaceMatch.Of(bridge), PacketMatch.Replies, FilterAction.Accept,
                    $"{maker}: replies into network {b.Network} (ctstate RELATED,ESTABLISHED)", RuleMaker.Engine));
                filters.Add(new FilterRule(family, InterfaceMatch.Of(bridge), InterfaceMatch.Not(bridge), PacketMatch.All, FilterAction.Accept,
                    $"{maker}: out of network {b.Network}", RuleMaker.Engine));
                filters.Add(new FilterRule(family, InterfaceMatch.Of(bridge), InterfaceMatch.Of(bridge), PacketMatch.All, FilterAction.Accept,
                    $"{maker}: within network {b.Network} (inter-container communication)", RuleMaker.Engine));
            }
            foreach (var (b, bridge) in rules)
            {
                string mode = EngineFirewall.ModeName(b.Mode);
                switch (b.Inbound)
                {
                    case EngineInbound.Drop:
                        filters.Add(new FilterRule(family, InterfaceMatch.Not(bridge), InterfaceMatch.Of(bridge), PacketMatch.All, FilterAction.Drop,
                            $"{maker}: new connections into network {b.Network} ({mode} mode) are dropped unless a port is published", RuleMaker.Engine));
                        break;
                    case EngineInbound.IcmpOnly:
                        filters.Add(new FilterRule(family, InterfaceMatch.Not(bridge), InterfaceMatch.Of(bridge), PacketMatch.All, FilterAction.Accept,
                            $"{maker}: ICMP into network {b.Network} is accepted ({mode} mode; other new connections only to published ports)", RuleMaker.Engine));
                        break;
                    case EngineInbound.Accept:
                        filters.Add(new FilterRule(family, InterfaceMatch.Not(bridge), InterfaceMatch.Of(bridge), PacketMatch.All, FilterAction.Accept,
                            $"{maker}: new connections into network {b.Network} are accepted ({mode} mode)", RuleMaker.Engine));
                        break;
                }
                if (b.Masquerade)
                    nat.Add(new NatRule(NatKind.Masquerade, family, InterfaceMatch.Any, InterfaceMatch.Not(bridge), b.Subnet, null, null,
                        "masquerade", $"{maker}: masquerade of network {b.Network}", RuleMaker.Engine));
            }
            if (fw.PolicyDrop)
                policies.Add(new FilterPolicy(family, FilterAction.Drop,
                    $"{engine} set the FORWARD policy to DROP " + (family == IpFamily.Ipv4 ? "when it turned IPv4 forwarding on"
                        : $"({host.Engine.Title}: {EngineTable.ForwardPolicies.Describe(EngineTable.ForwardPolicies.For(host.Engine, ForwardPolicy.Untouched))})")
                    + "; new connections into a bridge network need a published port", RuleMaker.Engine));
        }
        return new DeviceRules(forwarding.ToEquatableArray(), filters.ToEquatableArray(), policies.ToEquatableArray(), nat.ToEquatableArray(),
            // The bridge driver loads br_netfilter and turns on net.bridge.bridge-nf-call-iptables (and -ip6tables for IPv6
            // networks) (libnetwork setupBridgeNetFiltering): frames between two containers cross the host's IP rules.
            "br_netfilter: the engine makes bridged traffic cross the host's rules");
    }
}

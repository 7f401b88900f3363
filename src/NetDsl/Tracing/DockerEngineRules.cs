using System.Collections.Generic;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Tracing;

/// <summary>
/// The rules the Docker engine makes on its host by itself, as path facts (<see cref="RuleMaker.Engine"/>): trace walks
/// them; the lab does not lower them, because its private dockerd makes the real ones — so each row here is tested
/// against a real engine by the differential harness.
///
/// IPv4 (iptables, on by default since 1.x; moby integration/network/bridge/iptablesdoc "new-daemon" and
/// "usernet-portmap"): the daemon turns net.ipv4.ip_forward on and, when it was off, sets the FORWARD policy to DROP
/// (setupIPForwarding); per bridge network, FORWARD accepts what leaves the bridge (<c>-i br ! -o br</c>), what stays on
/// it (<c>-i br -o br</c>, inter-container communication on) and replies into it (<c>-o br ctstate
/// RELATED,ESTABLISHED</c>); new connections into a bridge go to the DOCKER chain, which accepts only published ports
/// (none here), and DOCKER-ISOLATION drops traffic between two bridges; nat POSTROUTING masquerades the subnet
/// leaving by any other interface (<c>-s SUBNET ! -o br -j MASQUERADE</c>).
///
/// Bridged traffic: the bridge driver loads br_netfilter with bridge-nf-call-iptables/-ip6tables on, so frames between
/// two containers of one network cross the host's rules (its masquerade too: seen in the lab, `masquerade ipv6 out-not
/// lo` rewrites container-to-container pings to the bridge's address).
///
/// IPv6 (Docker 20.10 without <c>ip6tables</c>): no rules; forwarding is `netdsl apply`'s. Docker's own IPv6 firewall
/// (ip6tables true, the default from 27.0) is to be added here from the engine table, row by row, with its source.
/// </summary>
public static class DockerEngineRules
{
    public static DeviceRules For(NetworkModel model, DockerHost host, IReadOnlyList<(DockerNetwork Network, string Bridge)> bridges)
    {
        const string Source = "Docker (iptables)";
        var filters = new List<FilterRule>();
        var all = bridges.Select(b => b.Bridge).ToArray();
        // DOCKER-ISOLATION-STAGE-1/2: from one bridge network into another is dropped, before anything accepts it.
        foreach (var (network, bridge) in bridges)
        {
            var others = all.Where(b => b != bridge).ToArray();
            if (others.Length > 0)
                filters.Add(new FilterRule(IpFamily.Ipv4, InterfaceMatch.Of(bridge), InterfaceMatch.Of(others), PacketMatch.All, FilterAction.Drop,
                    $"{Source}: DOCKER-ISOLATION drops traffic between network {network.Name} and another bridge network", RuleMaker.Engine));
        }
        foreach (var (network, bridge) in bridges)
        {
            filters.Add(new FilterRule(IpFamily.Ipv4, InterfaceMatch.Any, InterfaceMatch.Of(bridge), PacketMatch.Replies, FilterAction.Accept,
                $"{Source}: replies into network {network.Name} (ctstate RELATED,ESTABLISHED)", RuleMaker.Engine));
            filters.Add(new FilterRule(IpFamily.Ipv4, InterfaceMatch.Of(bridge), InterfaceMatch.Not(bridge), PacketMatch.All, FilterAction.Accept,
                $"{Source}: out of network {network.Name}", RuleMaker.Engine));
            filters.Add(new FilterRule(IpFamily.Ipv4, InterfaceMatch.Of(bridge), InterfaceMatch.Of(bridge), PacketMatch.All, FilterAction.Accept,
                $"{Source}: within network {network.Name} (inter-container communication)", RuleMaker.Engine));
        }
        var nat = bridges.Where(b => b.Network.Subnet4 is not null && MasqueradesIpv4(b.Network))
            .Select(b => new NatRule(NatKind.Masquerade, IpFamily.Ipv4, InterfaceMatch.Any, InterfaceMatch.Not(b.Bridge), b.Network.Subnet4, null, null,
                "masquerade", $"{Source}: masquerade of network {b.Network.Name}", RuleMaker.Engine));
        return new DeviceRules(
            EquatableArray.Of(new ForwardingFact(IpFamily.Ipv4, true, "Docker sets net.ipv4.ip_forward=1", RuleMaker.Engine)),
            filters.ToEquatableArray(),
            EquatableArray.Of(new FilterPolicy(IpFamily.Ipv4, FilterAction.Drop,
                "Docker set the FORWARD policy to DROP when it turned IPv4 forwarding on; new connections into a bridge network need a published port", RuleMaker.Engine)),
            nat.ToEquatableArray(),
            // The bridge driver loads br_netfilter and turns on net.bridge.bridge-nf-call-iptables (and -ip6tables for IPv6
            // networks) (libnetwork setupBridgeNetFiltering): frames between two containers cross the host's IP rules.
            "br_netfilter: Docker makes bridged traffic cross the host's rules");
    }

    /// <summary>The network option com.docker.network.bridge.enable_ip_masquerade=false turns the masquerade off.</summary>
    private static bool MasqueradesIpv4(DockerNetwork network) =>
        !network.Options.Any(o => o.Key == "com.docker.network.bridge.enable_ip_masquerade" && o.Value == "false");
}

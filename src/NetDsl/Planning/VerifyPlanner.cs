using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Engines;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// Builds the <see cref="VerifyPlan"/> from a model: what the seed checked by hand, as facts. Pure. The Docker facts
/// come first (live verify observes them); then the host's uplink, masquerade and conntrack, router and firewall
/// facts (<see cref="DeviceFactPlanner"/>), which captures observe.
/// </summary>
public static class VerifyPlanner
{
    public static VerifyPlan Plan(NetworkModel model) =>
        Header(model) with { Facts = PlanOutline.Expand(model, Outline(model), NetworkPiece, ContainerPiece).ToEquatableArray() };

    /// <summary>The plan without its facts (the generator writes the facts from the outline).</summary>
    internal static VerifyPlan Header(NetworkModel model) => new(model.SourcePath, EquatableArray<VerifyFact>.Empty);

    /// <summary>The plan's runs: per host the engine, its networks' fields, its containers, its bridges and routes; then pings, no-pings and devices.</summary>
    internal static EquatableArray<PlanSegment<VerifyFact>> Outline(NetworkModel model)
    {
        var outline = new List<PlanSegment<VerifyFact>>();
        foreach (var host in model.Hosts)
        {
            outline.Add(PlanSegment<VerifyFact>.Of(new[] { new EngineVersionFact(host.Name, host.Engine) }));
            outline.Add(PlanSegment<VerifyFact>.Each(host.Name, PlanPiece.NetworkFields));
            outline.Add(PlanSegment<VerifyFact>.Each(host.Name, PlanPiece.ContainerFacts));
            outline.Add(PlanSegment<VerifyFact>.Each(host.Name, PlanPiece.BridgeFacts));
            outline.Add(PlanSegment<VerifyFact>.Of(host.Routes.Select(r => (VerifyFact)new RouteFact(host.Name, false, r.Destination, r.NextHop, r.Interface, null))));
            outline.Add(PlanSegment<VerifyFact>.Of(EngineFirewallFacts(host, model.NetworksOn(host.Name))));
            if (host.Nptv6Rules.Count > 0)
                outline.Add(PlanSegment<VerifyFact>.Of(host.Nptv6Rules.Select((rule, index) => (VerifyFact)new Nptv6GatewayFact(host.Name, rule, index))));
        }
        var rest = new List<VerifyFact>();
        foreach (var e in model.Expectations.Where(e => e.Kind is ExpectationKind.Ping or ExpectationKind.NoPing))
        {
            var ping = Ping(model, e);
            if (ping is null) continue;
            // A no-ping is the same echo request with the opposite expectation.
            rest.Add(e.Kind == ExpectationKind.Ping ? ping
                : new NoPingFact(ping.Device, ping.FromContainer, ping.Target, ping.Address, ping.Zone, ping.External));
        }
        DeviceFactPlanner.Add(model, rest);
        outline.Add(PlanSegment<VerifyFact>.Of(rest));
        return outline.ToEquatableArray();
    }

    /// <summary>The rules the host's engine makes in its own IPv6 firewall (none when its ip6tables rules are off).</summary>
    public static IEnumerable<VerifyFact> EngineFirewallFacts(DockerHost host, IEnumerable<DockerNetwork> networks)
    {
        var firewall = EngineFirewall.For(host, networks, IpFamily.Ipv6);
        return firewall.Expectations().Select(e => (VerifyFact)new EngineFirewallFact(host.Name, firewall.Family, firewall.Backend, e.Kind,
            e.Bridge?.Network, e.Bridge?.Subnet, e.Bridge?.Bridge, e.Text, e.Bridge is null ? firewall.Source : e.Source, e.ObserveOnly));
    }

    /// <summary>What one network adds: its inspect fields, or its bridge's addresses and route on the host.</summary>
    internal static IEnumerable<VerifyFact> NetworkPiece(PlanPiece piece, string host, DockerNetwork n)
    {
        var facts = new List<VerifyFact>();
        if (piece == PlanPiece.NetworkFields)
        {
            facts.Add(new NetworkFieldFact(host, n.Name, NetworkField.EnableIpv6, n.EnableIpv6 ? "true" : "false"));
            if (!n.EnableIpv4) facts.Add(new NetworkFieldFact(host, n.Name, NetworkField.EnableIpv4, "false"));
            if (n.Subnet6 is { } s6) facts.Add(new NetworkFieldFact(host, n.Name, NetworkField.Subnet6, s6.ToString()));
            if (n.Gateway6 is { } g6) facts.Add(new NetworkFieldFact(host, n.Name, NetworkField.Gateway6, g6.ToString()));
            if (n.Subnet4 is { } s4) facts.Add(new NetworkFieldFact(host, n.Name, NetworkField.Subnet4, s4.ToString()));
            if (n.Gateway4 is { } g4) facts.Add(new NetworkFieldFact(host, n.Name, NetworkField.Gateway4, g4.ToString()));
        }
        else if (piece == PlanPiece.BridgeFacts)
        {
            // Verify reads the bridge's IPv6 (`ip -6 addr`, `ip -6 route`): an IPv4-only network's bridge has none of the engine's.
            if (n.Bridge.Global is { } global)
                facts.Add(new InterfaceAddressFact(host, n.Bridge.InterfaceName, n.Name, global.Address, global.Length, IsContainer: false));
            if (n.Bridge.LinkLocal is { } ll)
                facts.Add(new InterfaceAddressFact(host, n.Bridge.InterfaceName, n.Name, ll, 64, IsContainer: false));
            if (n.Subnet6 is { } s6)
                facts.Add(new RouteFact(host, false, s6, null, n.Bridge.InterfaceName, n.Name));
        }
        return facts;
    }

    /// <summary>What one container adds: its addresses and link-locals per network, and its routes.</summary>
    internal static IEnumerable<VerifyFact> ContainerPiece(PlanPiece piece, string host, Container c)
    {
        var facts = new List<VerifyFact>();
        if (piece != PlanPiece.ContainerFacts) return facts;
        foreach (var a in c.Attachments)
        {
            // On an IPv4-only network the interface has no IPv6 address, and a link-local only where one is predicted.
            if (a.Ipv6 is { } v6 && a.PrefixLength is { } length)
                facts.Add(new InterfaceAddressFact(c.Name, a.InterfaceName, a.Network, v6, length, IsContainer: true));
            if (a.Ipv6 is not null || a.LinkLocal is not null)
                facts.Add(new LinkLocalFact(c.Name, a.InterfaceName, a.Network, a.LinkLocal));
        }
        // Verify reads `ip -6 route`; the IPv4 routes are traced and labbed (netdsl lab test).
        foreach (var r in c.PredictedRoutes.Where(r => !r.Destination.IsV4))
            facts.Add(new RouteFact(c.Name, true, r.Destination, r.NextHop, r.Interface, null));
        return facts;
    }

    /// <summary>
    /// Resolves a ping target. A container is reached at its first network's address; the Docker host, seen from a
    /// container, at that container's gateway (the bridge's ::1), seen from elsewhere at its first interface
    /// address. Anything outside the Docker hosts' networks (upstream hosts, routers, other addresses) is external.
    /// </summary>
    private static PingFact? Ping(NetworkModel model, Expectation e)
    {
        var from = model.FindContainer(e.From);
        bool fromContainer = from is not null;
        if (!fromContainer && model.FindHost(e.From) is null) return null; // routers and firewalls cannot run pings for us
        var to = e.To;
        if (to.Address is { } literal)
            return new PingFact(e.From, fromContainer, to.ToString(), literal, to.Zone, External: !IsInside(model, literal));
        string name = to.Name!;
        if (model.FindContainer(name) is { } target && target.Attachments.Count > 0)
        {
            // The first network's address: IPv6 where it has one, else the IPv4 of an IPv4-only network.
            var a = target.Attachments[0];
            return (a.Ipv6 ?? a.Ipv4) is { } address0 ? new PingFact(e.From, fromContainer, name, address0, null, External: false) : null;
        }
        if (model.FindHost(name) is { } host)
        {
            if (from is not null && from.Attachments.Count > 0 && model.FindNetwork(from.Attachments[0].Network) is { } net)
                return (net.Gateway6 ?? net.Gateway4) is { } gateway ? new PingFact(e.From, true, name, gateway, null, External: false) : null;
            var address = host.Interfaces.SelectMany(i => i.Addresses).Select(a => (IpAddress?)a.Address).FirstOrDefault(a => !a!.Value.IsV4);
            return address is null ? null : new PingFact(e.From, fromContainer, name, address.Value, null, External: false);
        }
        var external = model.Upstreams.SelectMany(u => u.Hosts).FirstOrDefault(h => h.Name == name);
        if (external is not null) return new PingFact(e.From, fromContainer, name, external.Address, null, External: true);
        return null;
    }

    private static bool IsInside(NetworkModel model, IpAddress address) =>
        address.IsLinkLocal || model.Networks.Any(n => (address.IsV4 ? n.Subnet4 : n.Subnet6) is { } s && s.Contains(address));
}

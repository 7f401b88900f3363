using System.Linq;
using NetDsl.Targets.Diagrams;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests;

/// <summary>What the topology shows and where: frames, links and their prefixes, rewrites on the link they happen on, collapsing.</summary>
public class TopologyGraphTests
{
    private static DiagramNode Box(DiagramGraph graph, string firstLine) =>
        graph.Nodes.Single(n => n.Lines[0] == firstLine);

    private static DiagramEdge EdgeBetween(DiagramGraph graph, DiagramNode a, DiagramNode b) =>
        graph.Edges.Single(e => (e.From == a.Id && e.To == b.Id) || (e.From == b.Id && e.To == a.Id));

    [Test]
    public void Seed_frames_the_host_with_its_bridge_and_container_and_the_firewall_with_its_zones()
    {
        var graph = TopologyGraph.Build(Models.Seed());
        Assert.That(graph.Clusters.Select(c => c.Label), Is.EqualTo(new[] { "docker-host dockerhost", "firewall FWdc01 (panos)" }));
        var host = Box(graph, "dockerhost");
        Assert.That(Box(graph, "bridge br_ipv6_nw").Cluster, Is.EqualTo(host.Cluster));
        var container = Box(graph, "cnt01");
        Assert.That(container.Cluster, Is.EqualTo(host.Cluster));
        Assert.That(container.Lines, Does.Contain("eth0 fd5a:ceb9:ed8d:1::2/64 (predicted)"));
        Assert.That(Box(graph, "zone zTrust").Cluster, Is.EqualTo(Box(graph, "zone zUntrust").Cluster).And.Not.EqualTo(host.Cluster));
        Assert.That(Box(graph, "zone zTrust").Lines, Does.Contain("ethernet1/2.252 fd5a:ceb9:ed8d:fefc::1/64, fe80::1"));
    }

    [Test]
    public void Links_carry_their_prefix_and_interfaces_and_rewrites_sit_where_they_happen()
    {
        var graph = TopologyGraph.Build(Models.Seed());
        var hostToRouter = EdgeBetween(graph, Box(graph, "dockerhost"), Box(graph, "Rdc01"));
        Assert.That(hostToRouter.Lines, Is.EqualTo(new[]
        {
            "fd5a:ceb9:ed8d:fe0a::/64, 10.254.10.0/24", "ens192 — Vlan10", "dockerhost ens192: masquerade ipv6 out-not lo",
        }));
        var firewallToIsp = EdgeBetween(graph, Box(graph, "zone zUntrust"), Box(graph, "isp"));
        Assert.That(firewallToIsp.Lines, Is.EqualTo(new[]
        {
            "2001:db8:ff00:ffff::/64", "ethernet1/1.999 — uplink",
            "FWdc01 ethernet1/1.999: NPTv6 nat66_NPTv6_to_internet (zTrust → zUntrust)",
            "fd5a:ceb9:ed8d:fe0a::/64 → 2001:db8:ff00:ff66::/64", "fd5a:ceb9:ed8d:fefc::/64 → 2001:db8:ff00:ff66::/64",
        }));
        // Nothing is translated between the router and the firewall, so that link says so by saying nothing more.
        Assert.That(EdgeBetween(graph, Box(graph, "Rdc01"), Box(graph, "zone zTrust")).Lines.Count, Is.EqualTo(2));
        var allow = graph.Edges.Single(e => e.Kind == DiagramEdgeKind.Allow);
        Assert.That((allow.From, allow.To, allow.Lines[0]), Is.EqualTo((Box(graph, "zone zTrust").Id, Box(graph, "zone zUntrust").Id, "allow trust_to_untrust")));
        Assert.That(EdgeBetween(graph, Box(graph, "isp"), Box(graph, "dns.google")).Lines, Is.Empty);
    }

    [Test]
    public void A_link_of_three_devices_gets_a_box_and_is_drawn_from_the_inside_out()
    {
        var graph = TopologyGraph.Build(Models.Compile(Models.Examples.Single(e => e.Name == "two-hosts").Path));
        var link = graph.Nodes.Single(n => n.Kind == DiagramNodeKind.Link);
        Assert.That(link.Lines, Is.EqualTo(new[] { "link", "fd8e:3a7b:5c00:a::/64" }));
        Assert.That(graph.Edges.Where(e => e.To == link.Id).Select(e => e.From), Is.EquivalentTo(new[] { Box(graph, "dockerhost1").Id, Box(graph, "dockerhost2").Id }));
        Assert.That(graph.Edges.Single(e => e.From == link.Id).To, Is.EqualTo(Box(graph, "Rdc02").Id));
        Assert.That(graph.Edges.Single(e => e.From == Box(graph, "dockerhost1").Id && e.To == link.Id).Lines,
            Is.EqualTo(new[] { "ens192", "dockerhost1 ens192: masquerade ipv6 out-not lo" }), "only dockerhost1 masquerades");
    }

    [Test]
    public void Each_masquerade_is_written_on_the_links_whose_interface_it_rewrites()
    {
        var graph = TopologyGraph.Build(Models.Compile("""
            docker-host h {
              interface ens192 address fd00:a::10/64
              interface ens224 address fd00:b::10/64
              masquerade ipv6 out-not lo
              masquerade ipv6 out ens224
              masquerade ipv4 out-not ens224 source 10.1.0.0/16
              masquerade ipv6 out-not ens224 out ens192
              masquerade ipv6 out-not ens192 out ens192
            }
            router r ios {
              interface Gi1 address fd00:a::1/64
              interface Gi2 address fd00:b::1/64
            }
            """, "masquerades.netdsl"));
        var host = Box(graph, "h");
        var router = Box(graph, "r");
        var links = graph.Edges.Where(e => (e.From == host.Id && e.To == router.Id) || (e.From == router.Id && e.To == host.Id))
            .Select(e => e.Lines.ToArray()).OrderBy(l => l[0], System.StringComparer.Ordinal).ToList();
        Assert.That(links, Is.EqualTo(new[]
        {
            new[]
            {
                "fd00:a::/64", "ens192 — Gi1", "h ens192: masquerade ipv6 out-not lo", "masquerade ipv4 out-not ens224 source 10.1.0.0/16",
                "masquerade ipv6 out-not ens224 out ens192",
            },
            new[] { "fd00:b::/64", "ens224 — Gi2", "h ens224: masquerade ipv6 out-not lo", "masquerade ipv6 out ens224" },
        }), "out-not IF and out IF both: by IF only if they differ, else never");
        Assert.That(host.Lines, Does.Contain("masquerade ipv6 out-not ens192 out ens192"), "every rule is in the host's box");
    }

    [TestCase(8, 8, 0)]
    [TestCase(9, 0, 1)]
    public void A_network_over_the_threshold_shows_its_containers_as_one_box(int containers, int drawn, int groups)
    {
        var graph = TopologyGraph.Build(Models.Large(networks: 1, containers: containers));
        Assert.That(graph.Nodes.Count(n => n.Kind == DiagramNodeKind.Container), Is.EqualTo(drawn));
        Assert.That(graph.Nodes.Count(n => n.Kind == DiagramNodeKind.ContainerGroup), Is.EqualTo(groups));
        if (groups == 1)
        {
            var group = graph.Nodes.Single(n => n.Kind == DiagramNodeKind.ContainerGroup);
            Assert.That(group.Lines, Is.EqualTo(new[] { "9 containers", "c0 … c8", "fd00::2 … fd00::a" }));
            Assert.That(graph.Edges.Single(e => e.From == group.Id).Lines, Is.EqualTo(new[] { "eth0 ×9" }));
        }
    }

    [Test]
    public void Expanding_a_host_draws_every_container()
    {
        var model = Models.Large(networks: 3, containers: 60);
        Assert.That(TopologyGraph.Build(model).Nodes.Count(n => n.Kind == DiagramNodeKind.Container), Is.Zero);
        var expanded = TopologyGraph.Build(model, TopologyGraphOptions.Default.Expanding("host1"));
        Assert.That(expanded.Nodes.Count(n => n.Kind == DiagramNodeKind.Container), Is.EqualTo(60));
        Assert.That(expanded.Edges.Count(e => e.Kind == DiagramEdgeKind.Attachment), Is.EqualTo(60 + 3), "each container to its bridge, each bridge to its host");
    }

    [TestCase(8, false)]
    [TestCase(9, true)]
    public void A_host_over_the_threshold_shows_its_networks_as_one_box(int networks, bool collapsed)
    {
        var graph = TopologyGraph.Build(Models.Large(networks: networks, containers: networks * 2));
        Assert.That(graph.Nodes.Count(n => n.Kind == DiagramNodeKind.Bridge), Is.EqualTo(collapsed ? 0 : networks));
        if (collapsed)
            Assert.That(graph.Nodes.Single(n => n.Kind == DiagramNodeKind.ContainerGroup).Lines,
                Is.EqualTo(new[] { "9 networks, 18 containers", "fd00::/64 … fd00:8::/64", "netdsl graph --expand host1 draws them" }));
    }

    [Test]
    public void Ten_thousand_containers_stay_a_small_picture_within_Mermaids_limits()
    {
        var graph = TopologyGraph.Build(Models.Large(networks: 1000, containers: 10000));
        Assert.That(graph.Nodes.Count, Is.LessThan(5));
        // Mermaid refuses diagrams over 50,000 characters or 500 edges by default (GitHub's too).
        Assert.That(MermaidFlowchart.Write(graph).Length, Is.LessThan(50_000));
        Assert.That(graph.Edges.Count, Is.LessThan(500));
    }

    [Test]
    public void Output_is_deterministic()
    {
        var a = TopologyGraph.Build(Models.Compile(Models.Examples.Single(e => e.Name == "two-hosts").Path));
        var b = TopologyGraph.Build(Models.Compile(Models.Examples.Single(e => e.Name == "two-hosts").Path));
        Assert.That(b, Is.EqualTo(a));
        Assert.That(MermaidFlowchart.Write(b), Is.EqualTo(MermaidFlowchart.Write(a)));
        Assert.That(DotGraph.Write(b), Is.EqualTo(DotGraph.Write(a)));
    }

    [Test]
    public void A_rule_on_an_interface_no_link_reaches_is_written_in_its_zone()
    {
        var seed = Models.Seed();
        // Without the upstream, nothing else is on the firewall's outside subnet.
        var graph = TopologyGraph.Build(seed with { Upstreams = Model.EquatableArray<Model.Upstream>.Empty, Expectations = Model.EquatableArray<Model.Expectation>.Empty });
        Assert.That(Box(graph, "zone zUntrust").Lines, Does.Contain("ethernet1/1.999: NPTv6 nat66_NPTv6_to_internet (zTrust → zUntrust)")
            .And.Contain("fd5a:ceb9:ed8d:fe0a::/64 → 2001:db8:ff00:ff66::/64"));
    }

    [Test]
    public void An_empty_file_draws_an_empty_graph()
    {
        var graph = TopologyGraph.Build(Models.Compile("", "empty.netdsl"));
        Assert.That(graph.Nodes, Is.Empty);
        Assert.That(MermaidFlowchart.Write(graph), Is.EqualTo("flowchart TB\n"));
        Assert.That(DotGraph.Write(graph), Does.StartWith("digraph netdsl {").And.EndWith("}\n"));
    }
}

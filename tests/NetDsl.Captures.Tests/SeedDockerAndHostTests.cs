using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NUnit.Framework;
using static NetDsl.Captures.Tests.TestValues;

namespace NetDsl.Captures.Tests;

/// <summary>The seed's Docker host and container captures give exactly the facts the write-up shows.</summary>
public class SeedDockerAndHostTests
{
    [Test]
    public void DockerNetworkInspect_GivesNetworkSubnetsAndContainer()
    {
        var result = DockerNetworkInspectParser.Parse(SeedCaptures.Text(SeedCaptures.DockerInspect), SeedCaptures.DockerInspect);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Device, Is.EqualTo("dockerhost"));
        var network = result.Observations.Single();
        Assert.That(network.Name, Is.EqualTo("br_ipv6_nw"));
        Assert.That(network.Driver, Is.EqualTo("bridge"));
        Assert.That(network.EnableIPv6, Is.True);
        Assert.That(network.Location.Line, Is.EqualTo(3));
        Assert.That(network.Subnets.Select(s => s.Subnet), Is.EqualTo(new[] { Prefix("172.26.0.0/16"), Prefix("fd5a:ceb9:ed8d:1::/64") }));
        Assert.That(network.Subnets[0].Gateway, Is.EqualTo(Address("172.26.0.1")));
        Assert.That(network.Subnets[1].Gateway, Is.Null);
        Assert.That(network.Subnets[1].Location.Line, Is.EqualTo(18));
        var container = network.Containers.Single();
        Assert.That(container.Name, Is.EqualTo("cnt01"));
        Assert.That(container.Mac, Is.EqualTo(Mac("02:42:ac:1a:00:02")));
        Assert.That(container.IPv4, Is.EqualTo(Prefix("172.26.0.2/16")));
        Assert.That(container.IPv6, Is.EqualTo(Prefix("fd5a:ceb9:ed8d:1::2/64")));
        Assert.That(container.Location.Line, Is.EqualTo(30));
        Assert.That(network.Options.Single(), Is.EqualTo(new NetworkOption("com.docker.network.bridge.name", "br_ipv6_nw")));
    }

    [Test]
    public void HostIpAddr_GivesUplinkAndBridgeAddressesWithFlags()
    {
        var result = IpAddrParser.Parse(SeedCaptures.Text(SeedCaptures.HostIpAddr), SeedCaptures.HostIpAddr);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Command, Is.EqualTo("ip add"));
        Assert.That(result.Observations.Select(i => i.Name), Is.EqualTo(new[] { "ens192", "br_ipv6_nw" }));
        var uplink = result.Observations[0];
        Assert.That(uplink.Mac, Is.EqualTo(Mac("00:0c:29:62:2e:fa")));
        Assert.That(uplink.State, Is.EqualTo("UP"));
        Assert.That(uplink.Mtu, Is.EqualTo(1500));
        var global = uplink.Addresses.Single(a => a.Scope == "global" && !a.Address.Value!.Value.IsV4);
        Assert.That(global.Address, Is.EqualTo(Prefix("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5/64")));
        Assert.That(global.Flags, Is.EqualTo(new[] { "dynamic", "noprefixroute" }));
        Assert.That(global.Location, Is.EqualTo(new CaptureLocation(SeedCaptures.HostIpAddr, 6)));
        var v4 = uplink.Addresses[0];
        Assert.That(v4.Address, Is.EqualTo(Prefix("10.254.10.252/24")));
        Assert.That(v4.Flags, Is.EqualTo(new[] { "noprefixroute" }), "the trailing 'ens192' is the label, not a flag");

        var bridge = result.Observations[1];
        Assert.That(bridge.Index, Is.EqualTo(75));
        Assert.That(bridge.State, Is.EqualTo("DOWN"));
        Assert.That(bridge.LinkFlags, Does.Contain("NO-CARRIER"));
        var bridgeV6 = bridge.Addresses.Where(a => a.Address.Value is { IsV4: false }).ToList();
        Assert.That(bridgeV6.Select(a => a.Address), Is.EqualTo(new[] { Prefix("fd5a:ceb9:ed8d:1::1/64"), Prefix("fe80::1/64") }));
        Assert.That(bridgeV6.All(a => a.HasFlag("tentative")), Is.True);
    }

    [Test]
    public void ContainerIpAddr_GivesEui64LinkLocalOnEth0()
    {
        var result = IpAddrParser.Parse(SeedCaptures.Text(SeedCaptures.ContainerIpAddr), SeedCaptures.ContainerIpAddr);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Device, Is.EqualTo("cnt01"), "the file name names the device, not the container id in the prompt");
        var eth0 = result.Observations.Single(i => i.Name == "eth0");
        Assert.That(eth0.Index, Is.EqualTo(82));
        Assert.That(eth0.LinkPeer, Is.EqualTo("if83"));
        Assert.That(eth0.Mac, Is.EqualTo(Mac("02:42:ac:1a:00:02")));
        var linkLocal = eth0.Addresses.Single(a => a.Scope == "link");
        Assert.That(linkLocal.Address, Is.EqualTo(Prefix("fe80::42:acff:fe1a:2/64")));
        Assert.That(linkLocal.Interface, Is.EqualTo("eth0"));
        Assert.That(linkLocal.Address.Value!.Value.Address, Is.EqualTo(eth0.Mac!.Value.LinkLocal()), "EUI-64 of the MAC");
        var global = eth0.Addresses.Single(a => a.Scope == "global" && a.Address.Value is { IsV4: false });
        Assert.That(global.Address, Is.EqualTo(Prefix("fd5a:ceb9:ed8d:1::2/64")));
        Assert.That(global.Flags, Is.EqualTo(new[] { "nodad" }));
        var lo = result.Observations.Single(i => i.Name == "lo");
        Assert.That(lo.LinkType, Is.EqualTo("loopback"));
        Assert.That(lo.Addresses.Select(a => a.Address), Is.EqualTo(new[] { Prefix("127.0.0.1/8"), Prefix("::1/128") }));
    }

    [Test]
    public void HostRoutes_GiveDefaultViaRouterAdvertisement_AndArePartialBecauseFiltered()
    {
        var result = IpRouteParser.Parse(SeedCaptures.Text(SeedCaptures.HostRoutes), SeedCaptures.HostRoutes);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.IsPartial, Is.True, "`| grep -v docker0` hides routes");
        Assert.That(result.Observations, Has.Count.EqualTo(7));
        var loopback = result.Observations[0];
        Assert.That(loopback.Destination, Is.EqualTo(Prefix("::1/128")));
        var defaultRoute = result.Observations[^1];
        Assert.That(defaultRoute.Destination, Is.EqualTo(Prefix("::/0")));
        Assert.That(defaultRoute.Via, Is.EqualTo(Address("fe80::1")));
        Assert.That(defaultRoute.Interface, Is.EqualTo("ens192"));
        Assert.That(defaultRoute.Proto, Is.EqualTo("ra"));
        Assert.That(defaultRoute.Metric, Is.EqualTo(100));
        Assert.That(defaultRoute.Pref, Is.EqualTo("medium"));
        Assert.That(defaultRoute.Extra, Is.Empty);
        Assert.That(defaultRoute.Location.Line, Is.EqualTo(8));
        var bridgeRoute = result.Observations[1];
        Assert.That(bridgeRoute.Destination, Is.EqualTo(Prefix("fd5a:ceb9:ed8d:1::/64")));
        Assert.That(bridgeRoute.Interface, Is.EqualTo("br_ipv6_nw"));
        Assert.That(bridgeRoute.Proto, Is.EqualTo("kernel"));
        Assert.That(bridgeRoute.Via, Is.Null);
    }

    [Test]
    public void ContainerRoutes_GiveDefaultViaTheBridge()
    {
        var result = IpRouteParser.Parse(SeedCaptures.Text(SeedCaptures.ContainerRoutes), SeedCaptures.ContainerRoutes);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.IsPartial, Is.False);
        var defaultRoute = result.Observations.Single(r => r.Destination.Length == 0);
        Assert.That(defaultRoute.Via, Is.EqualTo(Address("fd5a:ceb9:ed8d:1::1")));
        Assert.That(defaultRoute.Interface, Is.EqualTo("eth0"));
        Assert.That(defaultRoute.Proto, Is.Null);
        Assert.That(defaultRoute.Metric, Is.EqualTo(1024));
    }

    [Test]
    public void Nft_GivesMasqueradeRuleInFirewalldChain()
    {
        var result = NftParser.Parse(SeedCaptures.Text(SeedCaptures.Nft), SeedCaptures.Nft);

        Assert.That(result.Errors, Is.Empty);
        var rule = result.Observations.Single();
        Assert.That(rule, Is.EqualTo(new ObservedNftRule("dockerhost", "ip6", "firewalld", "nat_POST_public_allow", null,
            "oifname != \"lo\" masquerade", null, new CaptureLocation(SeedCaptures.Nft, 4))));
        Assert.That(rule.IsMasquerade, Is.True);
    }

    [Test]
    public void Conntrack_ShowsTheHostRewritingTheContainerSource()
    {
        var result = ConntrackParser.Parse(SeedCaptures.Text(SeedCaptures.Conntrack), SeedCaptures.Conntrack);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Observations.Select(e => e.Event), Is.EqualTo(new[] { "NEW", "UPDATE" }));
        var entry = result.Observations[0];
        Assert.That(entry.Protocol, Is.EqualTo("icmpv6"));
        Assert.That(entry.ProtocolNumber, Is.EqualTo(58));
        Assert.That(entry.Timeout, Is.EqualTo(30));
        Assert.That(entry.Original.Source, Is.EqualTo(Address("fd5a:ceb9:ed8d:1::2")));
        Assert.That(entry.Original.Destination, Is.EqualTo(Address("2001:4860:4860::8888")));
        Assert.That(entry.Original.Fields, Is.EqualTo(new[] { new ConntrackField("type", "128"), new ConntrackField("code", "0"), new ConntrackField("id", "38") }));
        Assert.That(entry.Reply!.Source, Is.EqualTo(Address("2001:4860:4860::8888")));
        Assert.That(entry.Reply.Destination, Is.EqualTo(Address("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5")));
        Assert.That(entry.Flags, Is.EqualTo(new[] { "UNREPLIED" }));
        Assert.That(entry.IsSourceNatted, Is.True);
        Assert.That(result.Observations[1].Flags, Is.Empty);
    }
}

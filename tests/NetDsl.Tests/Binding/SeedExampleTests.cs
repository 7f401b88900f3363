using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NUnit.Framework;

namespace NetDsl.Tests.Binding;

/// <summary>The seed example binds to exactly what the write-up observed.</summary>
public class SeedExampleTests
{
    private NetworkModel _model = null!;

    [OneTimeSetUp]
    public void Bind() => _model = TestCompile.Example();

    [Test]
    public void Only_the_seed_shortcut_warns()
    {
        var result = NetDslCompiler.Compile(TestCompile.ExampleText, "lab.netdsl");
        var warnings = result.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
        Assert.That(warnings.Select(w => w.Id), Is.EqualTo(new[] { "NDSL5004" }));
        Assert.That(warnings[0].Message, Does.Contain("fd5a:ceb9:ed8d:fe0a::/64 only"));
        Assert.That(result.Locate(warnings[0].Span).Line, Is.EqualTo(51));
    }

    [Test]
    public void Parameters_compose_the_redacted_routing_prefix()
    {
        var fw = _model.FindFirewall("FWdc01")!;
        Assert.That(fw.Interfaces[0].Addresses[0].ToString(), Is.EqualTo("2001:db8:ff00:ffff:192:168:1:250/64"));
        Assert.That(fw.Routes[0].NextHop.ToString(), Is.EqualTo("2001:db8:ff00:ffff::1"));
        Assert.That(fw.Nptv6Rules[0].Mappings[0].Outside.ToString(), Is.EqualTo("2001:db8:ff00:ff66::/64"));
        var isp = _model.FindUpstream("isp")!;
        Assert.That(isp.Hosts[0].Address.ToString(), Is.EqualTo("2001:4860:4860::8888"));
    }

    [Test]
    public void Overriding_the_routing_prefix_moves_every_use()
    {
        var model = TestCompile.Example(new Dictionary<string, string> { ["ROUTINGPREFIX"] = "2001:db8:aaaa::/48" });
        var fw = model.FindFirewall("FWdc01")!;
        Assert.That(fw.Nptv6Rules[0].Mappings[0].Outside.ToString(), Is.EqualTo("2001:db8:aaaa:ff66::/64"));
        Assert.That(model.FindParameter("ROUTINGPREFIX")!.Overridden, Is.True);
        Assert.That(model.FindParameter("ROUTINGPREFIX")!.DefaultValue, Is.EqualTo("2001:db8:ff00::/48"));
    }

    [Test]
    public void Network_and_bridge_predictions_match_the_seed()
    {
        var network = _model.FindNetwork("br_ipv6_nw")!;
        Assert.That(network.Subnet6.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::/64"));
        Assert.That(network.Bridge.Global.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::1/64"));
        Assert.That(network.Bridge.LinkLocal.ToString(), Is.EqualTo("fe80::1"));
        Assert.That(network.Bridge.Ipv4.ToString(), Is.EqualTo("172.26.0.1/16"));
        Assert.That(network.BridgeName, Is.EqualTo("br_ipv6_nw"));
        Assert.That(network.Options.Single(), Is.EqualTo(new KeyValue("com.docker.network.bridge.name", "br_ipv6_nw")));
    }

    [Test]
    public void Container_predictions_match_the_seed()
    {
        var cnt01 = _model.FindContainer("cnt01")!;
        Assert.That(cnt01.Image, Is.EqualTo("centos:centos8"));
        Assert.That(cnt01.Command, Is.EqualTo(new[] { "/bin/bash" }));
        Assert.That(cnt01.Tty && cnt01.Interactive, Is.True);
        var a = cnt01.Attachments.Single();
        Assert.That(a.Ipv6.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::2"));
        Assert.That(a.Ipv4.ToString(), Is.EqualTo("172.26.0.2"));
        Assert.That(a.Mac.ToString(), Is.EqualTo("02:42:ac:1a:00:02"));
        Assert.That(a.LinkLocal.ToString(), Is.EqualTo("fe80::42:acff:fe1a:2"));
        Assert.That(a.InterfaceName, Is.EqualTo("eth0"));
        Assert.That(cnt01.PredictedRoutes.Select(r => $"{r.Destination} {r.NextHop} {r.Interface}"),
            Is.EqualTo(new[] { "fd5a:ceb9:ed8d:1::/64  eth0", "::/0 fd5a:ceb9:ed8d:1::1 eth0", "172.26.0.0/16  eth0", "0.0.0.0/0 172.26.0.1 eth0" }),
            "Docker gives the container an IPv4 default route via the network's IPv4 gateway, as for IPv6");
    }

    [Test]
    public void Host_routes_keep_their_ra_origin()
    {
        var host = _model.FindHost("dockerhost")!;
        var defaultRoute = host.Routes.Single(r => r.Destination.Length == 0);
        Assert.That(defaultRoute.NextHop.ToString(), Is.EqualTo("fe80::1"));
        Assert.That(defaultRoute.Interface, Is.EqualTo("ens192"));
        Assert.That(defaultRoute.Origin, Is.EqualTo(RouteOrigin.RouterAdvertisement));
        Assert.That(host.Daemon.Ipv6, Is.True);
        Assert.That(host.Daemon.FixedCidrV6.ToString(), Is.EqualTo("2001:db8:1::/64"));
        Assert.That(host.Engine, Is.EqualTo(NetDsl.Engines.EngineRelease.Docker(20, 10)));
        Assert.That(host.Masquerades.Single().ExcludedOutputInterface, Is.EqualTo("lo"));
    }

    [Test]
    public void Expectations_resolve_names_addresses_and_zones()
    {
        var targets = _model.Expectations.Select(e => e.From + " -> " + e.To).ToList();
        Assert.That(targets, Is.EqualTo(new[]
        {
            "dockerhost -> cnt01", "dockerhost -> fe80::1%br_ipv6_nw", "cnt01 -> dockerhost", "cnt01 -> fe80::1%eth0", "cnt01 -> dns.google",
        }));
    }

    [Test]
    public void Binding_is_deterministic_and_value_equal()
    {
        var again = TestCompile.Example();
        Assert.That(again, Is.EqualTo(_model));
        Assert.That(again.GetHashCode(), Is.EqualTo(_model.GetHashCode()));
    }

    [Test]
    public void Containers_get_sequential_addresses_skipping_fixed_ones()
    {
        var result = TestCompile.Compile("""
            docker-host h { }
            network n on h { subnet fd00:1::/64  subnet 10.9.0.0/24 }
            container a on n { image "x" }
            container b on n { image "x"  address fd00:1::3 }
            container c on n { image "x" }
            container d on n { image "x" }
            """);
        Assert.That(result.Errors, Is.Empty);
        var addresses = result.Model!.Containers.Select(c => c.Attachments[0].Ipv6.ToString());
        Assert.That(addresses, Is.EqualTo(new[] { "fd00:1::2", "fd00:1::3", "fd00:1::4", "fd00:1::5" }));
        Assert.That(result.Model.Containers.Select(c => c.Attachments[0].Ipv4.ToString()), Is.EqualTo(new[] { "10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5" }));
    }

    [Test]
    public void Ip_range_starts_allocation_and_missing_ipv4_leaves_mac_unknown()
    {
        var result = TestCompile.Compile("""
            docker-host h { engine 27.1 }
            network n on h { subnet fd00:1::/64  ip-range fd00:1::100/120 }
            container a on n, m { image "x" }
            network m on h { subnet fd00:2::/64 }
            """);
        Assert.That(result.Errors, Is.Empty);
        var a = result.Model!.FindContainer("a")!;
        Assert.That(a.Attachments[0].Ipv6.ToString(), Is.EqualTo("fd00:1::100"), "the range's first address");
        Assert.That(a.Attachments[0].Mac, Is.Null);
        Assert.That(a.Attachments[0].LinkLocal, Is.Null);
        Assert.That(a.Attachments[1].InterfaceName, Is.EqualTo("eth1"));
        Assert.That(result.Model.FindNetwork("n")!.Bridge.LinkLocal, Is.Null, "27.0 stopped adding fe80::1");
    }
}

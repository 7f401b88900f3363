using System.Linq;
using NetDsl.Model;
using NetDsl.Planning;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Tests.Binding;

/// <summary>
/// Issue 14, milestone 3: a network with only an IPv4 subnet is an IPv4-only Docker network; a network with neither
/// subnet is an error (NDSL2012).
/// </summary>
public class Ipv4OnlyNetworkTests
{
    private const string File = "docker-host h { interface eth0 address fd00:a::10/64 address 10.0.0.10/24 }\n" +
                                "network v4 on h { subnet 172.30.0.0/24  bridge-name br_v4 }\n" +
                                "network ds on h { subnet fd00:1::/64  subnet 172.31.0.0/24  bridge-name br_ds }\n" +
                                "container a on v4 { image \"busybox\" }\n" +
                                "container b on v4 { image \"busybox\" }\n" +
                                "container c on v4, ds { image \"busybox\" }\n";

    private static NetworkModel Model()
    {
        var result = TestCompile.Compile(File);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Model!;
    }

    [Test]
    public void An_ipv4_only_network_binds_without_ipv6()
    {
        var n = Model().FindNetwork("v4")!;
        Assert.That((n.EnableIpv6, n.Subnet6, n.Gateway6), Is.EqualTo((false, (NetDsl.Addressing.IpPrefix?)null, (NetDsl.Addressing.IpAddress?)null)));
        Assert.That(n.Gateway4.ToString(), Is.EqualTo("172.30.0.1"), "Docker's gateway: the subnet's first host");
        Assert.That(n.Bridge.Global, Is.Null);
        Assert.That(n.Bridge.LinkLocal, Is.Null, "no fe80::1 on a bridge without IPv6");
        Assert.That(n.Bridge.Ipv4.ToString(), Is.EqualTo("172.30.0.1/24"));
        Assert.That(Model().FindNetwork("ds")!.EnableIpv6, Is.True);
    }

    [Test]
    public void Containers_get_ipv4_from_2_and_no_ipv6_or_link_local()
    {
        var model = Model();
        var a = model.FindContainer("a")!.Attachments.Single();
        var b = model.FindContainer("b")!.Attachments.Single();
        Assert.That((a.Ipv4.ToString(), b.Ipv4.ToString()), Is.EqualTo(("172.30.0.2", "172.30.0.3")));
        Assert.That((a.Ipv6, a.PrefixLength, a.LinkLocal), Is.EqualTo(((NetDsl.Addressing.IpAddress?)null, (int?)null, (NetDsl.Addressing.IpAddress?)null)));
        Assert.That(a.Mac.ToString(), Is.EqualTo("02:42:ac:1e:00:02"), "20.10's MAC still follows the IPv4 address");
        var c = model.FindContainer("c")!;
        Assert.That(c.Attachments[1].Ipv6.ToString(), Is.EqualTo("fd00:1::2"));
        Assert.That(c.Attachments[1].LinkLocal, Is.Not.Null, "the dual-stack interface keeps its EUI-64 link-local");
        Assert.That(c.PredictedRoutes.Where(r => !r.Destination.IsV4 && r.Destination.Length == 0), Is.Empty,
            "the first network has no IPv6 gateway: no IPv6 default route");
        Assert.That(c.PredictedRoutes.Any(r => r.Destination.IsV4 && r.Destination.Length == 0 && r.Interface == "eth0"), Is.True);
    }

    [Test]
    public void Verify_expects_no_ipv6_on_the_network_or_its_containers()
    {
        var facts = VerifyPlanner.NetworkPiece(PlanPiece.NetworkFields, "h", Model().FindNetwork("v4")!).OfType<NetworkFieldFact>().ToList();
        Assert.That(facts.Single(f => f.Field == NetworkField.EnableIpv6).Value, Is.EqualTo("false"));
        Assert.That(facts.Any(f => f.Field is NetworkField.Subnet6 or NetworkField.Gateway6), Is.False);
        Assert.That(facts.Single(f => f.Field == NetworkField.Subnet4).Value, Is.EqualTo("172.30.0.0/24"));
        Assert.That(VerifyPlanner.NetworkPiece(PlanPiece.BridgeFacts, "h", Model().FindNetwork("v4")!), Is.Empty);
        var container = VerifyPlanner.ContainerPiece(PlanPiece.ContainerFacts, "h", Model().FindContainer("a")!).ToList();
        Assert.That(container.OfType<InterfaceAddressFact>().Concat<VerifyFact>(container.OfType<LinkLocalFact>()), Is.Empty);
    }

    [Test]
    public void Trace_follows_ipv4_between_containers_of_an_ipv4_only_network()
    {
        var model = Model();
        var trace = new PathTracer(model).Trace("a", ExpectTarget.Parse("b")!);
        Assert.That(trace.Succeeded, Is.True, trace.ToString());
        var v6 = new PathTracer(model).Trace("a", ExpectTarget.Parse("fd00:1::2")!);
        Assert.That(v6.Succeeded, Is.False, "a has no IPv6 to send from");
    }

    [Test]
    public void Neither_subnet_is_NDSL2012_with_a_fix()
    {
        var result = TestCompile.Compile("docker-host h { }\nnetwork n on h { bridge-name br_n }\n");
        var d = result.Errors.Single();
        Assert.That(d.Id, Is.EqualTo("NDSL2012"));
        Assert.That(d.Fix, Does.Contain("subnet 172.30.0.0/24"));
    }

    [Test]
    public void An_ipv6_only_network_cannot_also_be_ipv4_only()
    {
        // ipv4 false with only an IPv4 subnet: NDSL3209; with no subnet at all: NDSL2012.
        var both = TestCompile.Compile("docker-host h { engine 28.0 }\nnetwork n on h { subnet 172.30.0.0/24  ipv4 false }\n");
        Assert.That(both.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL3209" }));
        var neither = TestCompile.Compile("docker-host h { engine 28.0 }\nnetwork n on h { ipv4 false }\n");
        Assert.That(neither.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL2012" }));
    }

    [Test]
    public void An_ipv6_address_on_an_ipv4_only_network_says_so()
    {
        var result = TestCompile.Compile("docker-host h { }\nnetwork n on h { subnet 172.30.0.0/24 }\ncontainer c on n { image \"x\"  address fd00:1::5 }\n");
        Assert.That(result.Errors.Single().Message, Does.Contain("IPv4-only"));
    }
}

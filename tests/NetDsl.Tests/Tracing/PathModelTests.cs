using System.Linq;
using NetDsl.Model;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Tests.Tracing;

/// <summary>The one path model: each device's forwarding, filters and translations, with who makes them.</summary>
public class PathModelTests
{
    private const string DualStack = """
        docker-host h {
          interface ens192 address fd00:a::10/64 address 10.0.10.10/24
          route ::/0 via fd00:a::1
          route 0.0.0.0/0 via 10.0.10.1
        }
        network apps on h { subnet fd00:1::/64  subnet 172.30.0.0/24  bridge-name br_apps }
        container c on apps { image "x" }
        upstream isp {
          interface lan address fd00:a::1/64 address 10.0.10.1/24
          route fd00:1::/64 via lan fd00:a::10
          route 172.30.0.0/24 via 10.0.10.10
          host web 192.0.2.80
        }
        """;

    private static (NetworkModel Model, PathTracer Tracer) Compile(string text)
    {
        var result = TestCompile.Compile(text);
        Assert.That(result.Model, Is.Not.Null, string.Join("\n", result.Diagnostics));
        return (result.Model!, new PathTracer(result.Model!));
    }

    [Test]
    public void A_firewall_is_intrazone_allow_rules_with_their_replies_then_the_interzone_deny()
    {
        var tracer = new PathTracer(TestCompile.Example());
        var fw = tracer.Topology.Find("FWdc01")!.Rules;
        Assert.That(fw.Filters.Select(f => $"{f.In} -> {f.Out} {f.Packets} {f.Action} ({f.Origin}, {f.Maker})"), Is.EqualTo(new[]
        {
            "ethernet1/1.999 -> ethernet1/1.999 All Accept (PAN-OS intrazone-default (zone zUntrust), VendorDefault)",
            "ethernet1/2.252 -> ethernet1/2.252 All Accept (PAN-OS intrazone-default (zone zTrust), VendorDefault)",
            "ethernet1/2.252 -> ethernet1/1.999 All Accept (allow trust_to_untrust, File)",
            "ethernet1/1.999 -> ethernet1/2.252 Replies Accept (allow trust_to_untrust (replies of its sessions), File)",
        }));
        Assert.That(fw.PolicyOf(IpFamily.Ipv6)!.Action, Is.EqualTo(FilterAction.Drop));
        Assert.That(fw.Forwards(IpFamily.Ipv4) && fw.Forwards(IpFamily.Ipv6), Is.True);
        var outbound = fw.Nat.Where(n => n.Kind == NatKind.Nptv6Outbound).ToList();
        Assert.That(outbound.Select(n => $"{n.In} {n.Out} {n.Source} {n.Rule}"), Is.EqualTo(new[]
        {
            "ethernet1/2.252 ethernet1/1.999 fd5a:ceb9:ed8d:fe0a::/64 nat66_NPTv6_to_internet",
            "ethernet1/2.252 ethernet1/1.999 fd5a:ceb9:ed8d:fefc::/64 nat66_NPTv6_to_internet",
        }), "NPTv6 matches the source zone's interfaces, the rule's interface and each mapping's inside prefix");
    }

    [Test]
    public void Containers_forward_nothing_and_a_docker_host_forwards_by_apply_and_engine()
    {
        var (_, tracer) = Compile(DualStack);
        Assert.That(tracer.Topology.Find("c")!.Rules.Forwarding, Is.Empty);
        var host = tracer.Topology.Find("h")!.Rules;
        Assert.That(host.ForwardingOf(IpFamily.Ipv6)!.Maker, Is.EqualTo(RuleMaker.Apply));
        Assert.That(host.ForwardingOf(IpFamily.Ipv4)!.Maker, Is.EqualTo(RuleMaker.Engine));
        Assert.That(host.Nat.Single().Origin, Is.EqualTo("Docker (iptables): masquerade of network apps"));
    }

    [Test]
    public void A_hosts_masquerades_match_the_interfaces_the_nftables_rule_does()
    {
        var (model, tracer) = Compile("""
            docker-host h {
              interface ens192 address fd00:a::10/64
              interface ens224 address fd00:b::10/64
              masquerade ipv6 out-not lo
              masquerade ipv6 out ens224
              masquerade ipv4 out-not ens224 source 10.1.0.0/16
              masquerade ipv6 out-not ens224 out ens192
              masquerade ipv6 out-not ens192 out ens192
            }
            """);
        Assert.That(model.Hosts[0].Masquerades, Has.Count.EqualTo(5));
        var nat = tracer.Topology.Find("h")!.Rules.Nat.Where(r => r.Kind == NatKind.Masquerade && r.Maker == RuleMaker.Apply).ToList();
        Assert.That(nat.Select(r => $"{r.Family} {r.Out} {r.Source} ({r.Origin})"), Is.EqualTo(new[]
        {
            "Ipv6 not lo  (masquerade ipv6 out-not lo)",
            "Ipv6 ens224  (masquerade ipv6 out ens224)",
            "Ipv4 not ens224 10.1.0.0/16 (masquerade ipv4 out-not ens224 source 10.1.0.0/16)",
            "Ipv6 ens192  (masquerade ipv6 out-not ens224 out ens192)",
        }), "out-not X out X (oifname != X oifname X) matches no packet: no rule");
        Assert.That(nat.Select(r => r.Out.Matches("ens192")), Is.EqualTo(new[] { true, false, true, true }));
        Assert.That(nat.Select(r => r.Out.Matches("lo")), Is.EqualTo(new[] { false, false, true, false }));
    }

    [Test]
    public void Ipv4_from_a_container_is_masqueraded_by_docker_and_comes_back()
    {
        var (_, tracer) = Compile(DualStack);
        var trace = tracer.Trace("c", ExpectTarget.Parse("192.0.2.80")!);
        Assert.That(trace.Succeeded, Is.True, trace.ToString());
        Assert.That(trace.Source.ToString(), Is.EqualTo("172.30.0.2"));
        var masquerade = trace.Forward[1].Rewrites.Single();
        Assert.That(masquerade.To.ToString(), Is.EqualTo("10.0.10.10"));
        Assert.That(masquerade.Detail, Does.Contain("Docker (iptables): masquerade of network apps"));
        Assert.That(trace.SourceAtTarget!.Value.ToString(), Is.EqualTo("10.0.10.10"));
    }

    [Test]
    public void A_new_ipv4_connection_into_a_bridge_is_dropped_by_docker_but_ipv6_is_routed()
    {
        var (_, tracer) = Compile(DualStack);
        var v4 = tracer.Trace("isp", ExpectTarget.Parse("172.30.0.2")!);
        Assert.That(v4.Succeeded, Is.False);
        Assert.That(v4.BrokenAt, Is.EqualTo("h"));
        Assert.That(v4.Reason, Does.StartWith("nothing accepts ens192 -> br_apps: Docker set the FORWARD policy to DROP"));
        Assert.That(tracer.Trace("isp", ExpectTarget.Parse("c")!).Succeeded, Is.True, "IPv6 (Docker 20.10 without ip6tables) is routed into the bridge");
    }

    [Test]
    public void A_container_is_no_router()
    {
        var (_, tracer) = Compile(DualStack.Replace("route fd00:1::/64 via lan fd00:a::10", "route fd00:2::/64 via lan fd00:a::10") +
            "\nnetwork other on h { subnet fd00:3::/64 }\n");
        // The host routes fd00:2::/64 nowhere; a route through a container would not help either: containers do not forward.
        var trace = tracer.Trace("isp", ExpectTarget.Parse("fd00:2::5")!);
        Assert.That(trace.Succeeded, Is.False);
    }

    [Test]
    public void A_routing_loop_is_named_where_it_closes()
    {
        var (_, tracer) = Compile("""
            router a ios { interface e0 address fd00:1::1/64  route fd00:9::/64 via fd00:1::2 }
            router b ios { interface e0 address fd00:1::2/64  route fd00:9::/64 via fd00:1::1 }
            """);
        var trace = tracer.Trace("a", ExpectTarget.Parse("fd00:9::1")!);
        Assert.That(trace.Reason, Does.StartWith("routing loop: b -> a -> b"));
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Lab;
using NetDsl.Model;
using NetDsl.TestSupport;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Labs;

/// <summary>The lowering of a model to a lab, without root: names, links, commands, rules, what test will check.</summary>
public class LabLoweringTests
{
    private static readonly LabName Name = new("t1");

    private static NetworkModel Squid(Dictionary<string, string>? overrides = null)
    {
        var result = LabModel.Compile(File.ReadAllText(RepoPaths.SquidExample), RepoPaths.SquidExample, overrides ?? new Dictionary<string, string>());
        Assert.That(result.Errors, Is.Empty);
        return result.Model!;
    }

    [TestCase("ethernet1/1.999", "ethernet1-1.999")]
    [TestCase("Vlan252", "Vlan252")]
    [TestCase("ens192", "ens192")]
    [TestCase("GigabitEthernet0/0/0.100", "GigabitEth-")]
    [TestCase("a:b", "a-b")]
    public void Vendor_names_become_legal_linux_names(string vendor, string expectedStart)
    {
        string linux = InterfaceNames.Map(vendor, new HashSet<string>());
        Assert.That(linux, Does.StartWith(expectedStart));
        Assert.That(InterfaceNames.IsLegal(linux), Is.True, linux);
        Assert.That(InterfaceNames.Map(vendor, new HashSet<string>()), Is.EqualTo(linux), "stable from run to run");
    }

    [Test]
    public void Names_that_collide_on_one_device_are_told_apart()
    {
        var taken = new HashSet<string>();
        var names = new[] { "eth1/1", "eth1:1", "eth1-1", "lo" }.Select(v => InterfaceNames.Map(v, taken)).ToList();
        Assert.That(names.Distinct().Count(), Is.EqualTo(4), string.Join(", ", names));
        Assert.That(names, Does.Not.Contain("lo"));
        Assert.That(names.All(InterfaceNames.IsLegal), Is.True);
    }

    [Test]
    public void External_hosts_move_to_documentation_addresses()
    {
        var model = Squid();
        Assert.That(model.Upstreams[0].Hosts[0].Address, Is.EqualTo(IpAddress.Parse("2001:db8:ffff:1::8888")));
        Assert.That(LabModel.UnsafeAddresses(model), Is.Empty);
        Assert.That(model.Containers.All(c => c.Image == LabModel.Image && c.Command.SequenceEqual(new[] { "/bin/sh" })), Is.True);
    }

    [Test]
    public void A_public_address_the_caller_sets_is_refused_with_the_fix()
    {
        var result = LabModel.Compile(File.ReadAllText(RepoPaths.SquidExample), RepoPaths.SquidExample,
            new Dictionary<string, string> { ["DNS_GOOGLE"] = "2001:4860:4860::8844" });
        Assert.That(result.Model, Is.Null);
        Assert.That(result.Errors.Single(), Does.Contain("dns.google (isp) 2001:4860:4860::8844 is a public address").And.Contain("--set"));
    }

    [Test]
    public void Squid_lowers_to_four_namespaces_three_veths_and_the_declared_addresses_and_routes()
    {
        var plan = LabLowering.Lower(Squid(), Name);
        Assert.That(plan.Namespaces, Is.EqualTo(new[] { "ndsl-t1-dockerhost", "ndsl-t1-Rdc01", "ndsl-t1-FWdc01", "ndsl-t1-isp" }));
        Assert.That(plan.Switches, Is.Empty);
        Assert.That(plan.Veths.Select(v => $"{v.A.Namespace}/{v.A.Interface}={v.B.Namespace}/{v.B.Interface}"), Is.EquivalentTo(new[]
        {
            "ndsl-t1-dockerhost/ens192=ndsl-t1-Rdc01/Vlan10",
            "ndsl-t1-Rdc01/Vlan252=ndsl-t1-FWdc01/ethernet1-2.252",
            "ndsl-t1-FWdc01/ethernet1-1.999=ndsl-t1-isp/uplink",
        }));
        Assert.That(plan.Interfaces.Select(i => i.ToString()), Does.Contain("FWdc01 ethernet1/1.999 -> ethernet1-1.999"));
        var commands = plan.Steps.Select(s => s.ToString()).ToList();
        Assert.That(commands, Does.Contain("[ndsl-t1-dockerhost] ip -6 route replace ::/0 via fe80::1 dev ens192 proto ra"));
        Assert.That(commands, Does.Contain("[ndsl-t1-Rdc01] ip -6 addr add fe80::1/64 dev Vlan10 nodad"));
        Assert.That(commands, Does.Contain("[ndsl-t1-Rdc01] ip -6 route replace ::/0 via fd5a:ceb9:ed8d:fefc::1 dev Vlan252"));
        Assert.That(commands, Does.Contain("[ndsl-t1-isp] ip -6 addr add 2001:db8:ffff:1::8888/128 dev lo"));
        Assert.That(commands, Does.Contain("[ndsl-t1-FWdc01] sysctl -qw net.ipv6.conf.all.forwarding=1"));
    }

    [Test]
    public void Firewall_rules_are_npt_first_match_by_zone_mark_and_zone_policy()
    {
        var model = Squid();
        var fw = new PathTracer(model).Topology.Find("FWdc01")!;
        string rules = NetfilterRules.Render(fw, IpFamily.Ipv6, n => InterfaceNames.Map(n, new HashSet<string>()))!;
        Assert.That(rules, Does.Contain("-A PREROUTING -i ethernet1-2.252 -j MARK --set-xmark 0x2/0xff\n"), "the zone of the ingress interface, for POSTROUTING");
        Assert.That(rules, Does.Contain("-A NPT-OUT-1 -j SNPT --src-pfx fd5a:ceb9:ed8d:fe0a::/64 --dst-pfx 2001:db8:ff00:ff66::/64\n-A NPT-OUT-1 -j ACCEPT\n"),
            "each translation ends the chain: first match, as PAN-OS");
        Assert.That(rules, Does.Contain("-A POSTROUTING -m mark --mark 0x2/0xff -o ethernet1-1.999 -s fd5a:ceb9:ed8d:fe0a::/64 -j NPT-OUT-1\n"));
        Assert.That(rules, Does.Contain("-A PREROUTING -i ethernet1-1.999 -d 2001:db8:ff00:ff66::/64 -j NPT-IN-1\n"));
        Assert.That(rules, Does.Contain("-A NPT-IN-1 -j DNPT --src-pfx 2001:db8:ff00:ff66::/64 --dst-pfx fd5a:ceb9:ed8d:fe0a::/64\n"));
        Assert.That(rules, Does.Contain("*raw\n-A PREROUTING -j CT --notrack\n"));
        Assert.That(rules, Does.Contain(":FORWARD DROP [0:0]\n"));
        Assert.That(rules, Does.Contain("-A FORWARD -i ethernet1-2.252 -o ethernet1-1.999 -j ACCEPT\n"));
        Assert.That(rules, Does.Contain("-A FORWARD -i ethernet1-1.999 -o ethernet1-2.252 -p ipv6-icmp --icmpv6-type echo-reply -j ACCEPT\n"));
        Assert.That(rules, Does.Not.Contain("-A FORWARD -i ethernet1-1.999 -o ethernet1-2.252 -j ACCEPT"), "untrust -> trust is not allowed");
        string v4 = NetfilterRules.Render(fw, IpFamily.Ipv4, n => InterfaceNames.Map(n, new HashSet<string>()))!;
        Assert.That(v4, Does.Contain(":FORWARD DROP [0:0]\n").And.Contain("-p icmp --icmp-type echo-reply").And.Not.Contain("NPT"), "IPv4 gets the same zone policy");
    }

    [Test]
    public void Lab_test_watches_the_target_and_conntrack_for_the_masquerade()
    {
        var model = Squid();
        var plan = LabLowering.Lower(model, Name);
        var tracer = new PathTracer(model);
        var expect = model.Expectations.Single(e => e.To.Name == "dns.google");
        var trace = tracer.Trace(expect);
        var watch = LabProbe.TargetFor(trace, expect, model, tracer.Topology, plan)!;
        Assert.That(watch.Namespace, Is.EqualTo("ndsl-t1-isp"));
        Assert.That(watch.Address, Is.EqualTo(IpAddress.Parse("2001:db8:ffff:1::8888")));
        Assert.That(trace.SourceAtTarget, Is.EqualTo(IpAddress.Parse("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5")));
        var conntrack = LabProbe.ConntrackFor(trace, plan).Single();
        Assert.That(conntrack.Namespace, Is.EqualTo("ndsl-t1-dockerhost"));
        Assert.That(conntrack.ToString(), Is.EqualTo("src=fd5a:ceb9:ed8d:1::2 dst=2001:db8:ffff:1::8888 reply src=2001:db8:ffff:1::8888 dst=fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));
        string listed = "icmpv6   58 29 src=fd5a:ceb9:ed8d:1::2 dst=2001:db8:ffff:1::8888 type=128 code=0 id=15 src=2001:db8:ffff:1::8888 dst=fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5 type=129 code=0 id=15 mark=0 use=1\n";
        Assert.That(LabProbe.HasConntrackEntry(listed, conntrack), Is.True);
        Assert.That(LabProbe.HasConntrackEntry(listed.Replace("fe0a:ed57", "fe0a:ed58"), conntrack), Is.False);
    }

    [Test]
    public void A_container_target_is_watched_in_its_own_namespace_through_its_host()
    {
        var model = Squid();
        var tracer = new PathTracer(model);
        var expect = model.Expectations.First(e => e.To.Name == "cnt01");
        var watch = LabProbe.TargetFor(tracer.Trace(expect), expect, model, tracer.Topology, LabLowering.Lower(model, Name))!;
        Assert.That((watch.Container, watch.HostNamespace, watch.Namespace), Is.EqualTo(("cnt01", "ndsl-t1-dockerhost", (string?)null)));
    }

    [Test]
    public void A_broken_trace_still_has_its_target_watched()
    {
        var model = Squid();
        var tracer = new PathTracer(model);
        var expect = new Expectation(ExpectationKind.NoPing, "isp", new ExpectTarget("cnt01", null, null), default);
        var trace = tracer.Trace(expect);
        Assert.That(trace.Arrived, Is.False);
        var watch = LabProbe.TargetFor(trace, expect, model, tracer.Topology, LabLowering.Lower(model, Name))!;
        Assert.That(watch.Container, Is.EqualTo("cnt01"));
        Assert.That(watch.Address, Is.EqualTo(IpAddress.Parse("fd5a:ceb9:ed8d:1::2")));
    }

    [Test]
    public void Lab_names_come_from_the_full_path_and_prefix_every_namespace()
    {
        var a = LabName.FromFile("/a/lab.netdsl");
        Assert.That(a.Short, Has.Length.EqualTo(6));
        Assert.That(a, Is.Not.EqualTo(LabName.FromFile("/b/lab.netdsl")));
        Assert.That(a.Namespace("x.y"), Is.EqualTo(a.Prefix + "x_y"));
        Assert.That(LabName.IsValid("abc123"), Is.True);
        Assert.That(LabName.IsValid("ABC"), Is.False);
        Assert.That(LabName.IsValid("123456789"), Is.False);
    }
}

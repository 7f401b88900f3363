using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NUnit.Framework;
using static NetDsl.Captures.Tests.TestValues;

namespace NetDsl.Captures.Tests;

/// <summary>Whole configurations: an IOS running-config and a PAN-OS set export, as the design's lab.netdsl describes them.</summary>
public class ConfigParserTests
{
    [Test]
    public void IosRunningConfig_InterfacesAndRoutes()
    {
        const string text = """
            Rdc01#show running-config
            Building configuration...

            Current configuration : 2048 bytes
            !
            hostname Rdc01
            !
            interface Vlan10
             description to dockerhost
             ip address 10.254.10.1 255.255.255.0
             ipv6 address FE80::1 link-local
             ipv6 address FD5A:CEB9:ED8D:FE0A::1/64
             ipv6 nd ra suppress
            !
            interface Vlan252
             ipv6 address FD5A:CEB9:ED8D:FEFC::2/64
             shutdown
            !
            ip route 0.0.0.0 0.0.0.0 10.254.252.1
            ipv6 route ::/0 Vlan252 FD5A:CEB9:ED8D:FEFC::1
            ipv6 route vrf MGMT 2001:DB8::/32 Null0 254 name blackhole
            !
            end
            """;
        var parsed = IosRunningConfigParser.Parse(text, "Rdc01.show-run.txt");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.IsPartial, Is.False);
        var interfaces = parsed.Observations.OfType<ObservedIosInterface>().ToList();
        Assert.That(interfaces.Select(i => i.Name), Is.EqualTo(new[] { "Vlan10", "Vlan252" }));
        Assert.That(interfaces[0].LinkLocal, Is.EqualTo(Address("fe80::1")));
        Assert.That(interfaces[0].Ipv6Addresses, Is.EqualTo(new[] { Prefix("fd5a:ceb9:ed8d:fe0a::1/64") }));
        Assert.That(interfaces[0].Ipv4Address, Is.EqualTo(Prefix("10.254.10.1/24")));
        Assert.That(interfaces[0].Description, Is.EqualTo("to dockerhost"));
        Assert.That(interfaces[1].Shutdown, Is.True);
        var routes = parsed.Observations.OfType<ObservedStaticRoute>().ToList();
        Assert.That(routes.Select(r => (r.Destination.ToString(), r.Interface, r.NextHop?.ToString(), r.Distance, r.Vrf)), Is.EqualTo(new[]
        {
            ("0.0.0.0/0", (string?)null, (string?)"10.254.252.1", (int?)null, (string?)null),
            ("::/0", "Vlan252", "fd5a:ceb9:ed8d:fefc::1", null, null),
            ("2001:db8::/32", "Null0", null, 254, "MGMT"),
        }));
        Assert.That(routes[2].Name, Is.EqualTo("blackhole"));
    }

    [Test]
    public void PanosSetCommands_InterfacesZonesRoutesAndNptv6Rule()
    {
        const string text = """
            admin@FWdc01> show config running
            set network interface ethernet ethernet1/1 layer3 units ethernet1/1.999 tag 999
            set network interface ethernet ethernet1/1 layer3 units ethernet1/1.999 ip 192.168.1.250/24
            set network interface ethernet ethernet1/1 layer3 units ethernet1/1.999 ipv6 enabled yes
            set network interface ethernet ethernet1/1 layer3 units ethernet1/1.999 ipv6 address ROUTINGPREFIX:ffff:192:168:1:250/64 enable-on-interface yes
            set network interface ethernet ethernet1/2 layer3 units ethernet1/2.252 tag 252
            set network interface ethernet ethernet1/2 layer3 units ethernet1/2.252 ipv6 address fd5a:ceb9:ed8d:fefc::1/64
            set network virtual-router default interface [ ethernet1/1.999 ethernet1/2.252 ]
            set network virtual-router default routing-table ipv6 static-route default destination ::/0
            set network virtual-router default routing-table ipv6 static-route default interface ethernet1/1.999
            set network virtual-router default routing-table ipv6 static-route default nexthop ipv6-address ROUTINGPREFIX:ffff::1
            set vsys vsys1 zone zUntrust network layer3 ethernet1/1.999
            set vsys vsys1 zone zTrust network layer3 [ ethernet1/2.252 ]
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet nat-type nptv6
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet from zTrust
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet to zUntrust
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet source [ fd5a:ceb9:ed8d:fe0a::/64 fd5a:ceb9:ed8d:fefc::/64 ]
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet destination any
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet service any
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet to-interface ethernet1/1.999
            set vsys vsys1 rulebase nat rules nat66_NPTv6_to_internet source-translation static-ip translated-address ROUTINGPREFIX:ff66::/64
            set deviceconfig system hostname FWdc01
            """;
        var parsed = PanosSetCommandsParser.Parse(text, "FWdc01.set-commands.txt");
        Assert.That(parsed.Errors, Is.Empty);
        var interfaces = parsed.Observations.OfType<ObservedPanosInterface>().ToList();
        Assert.That(interfaces.Select(i => (i.Name, i.Zone, i.Tag, i.Forwarding, i.Vsys)), Is.EqualTo(new[]
        {
            ("ethernet1/1.999", (string?)"zUntrust", (int?)999, (string?)"vr:default", (string?)"vsys1"),
            ("ethernet1/2.252", "zTrust", 252, "vr:default", "vsys1"),
        }));
        Assert.That(interfaces[0].Addresses, Is.EqualTo(new[] { Prefix("192.168.1.250/24"), Prefix("ROUTINGPREFIX:ffff:192:168:1:250/64") }));
        Assert.That(interfaces[0].Location.Line, Is.EqualTo(2));
        var route = parsed.Observations.OfType<ObservedStaticRoute>().Single();
        Assert.That(route, Is.EqualTo(new ObservedStaticRoute("FWdc01", Prefix("::/0"), "ethernet1/1.999", Address("ROUTINGPREFIX:ffff::1"),
            null, "default", "default", new CaptureLocation("FWdc01.set-commands.txt", 9))));
        var rule = parsed.Observations.OfType<ObservedNatRule>().Single();
        Assert.That(rule.NatType, Is.EqualTo("nptv6"));
        Assert.That(rule.Sources, Is.EqualTo(new[] { Prefix("fd5a:ceb9:ed8d:fe0a::/64"), Prefix("fd5a:ceb9:ed8d:fefc::/64") }));
        Assert.That(rule.TranslationKind, Is.EqualTo("static-ip"));
        Assert.That(rule.TranslatedSource, Is.EqualTo(Prefix("ROUTINGPREFIX:ff66::/64")));
    }

    [Test]
    public void PanosNatPolicy_FromRunningBlockAndSetExport_Agree()
    {
        var running = PanosNatPolicyParser.Parse(SeedCaptures.Text(SeedCaptures.PanosNat), "FWdc01.nat-policy.txt").Observations.Single();
        const string set = """
            set rulebase nat rules nat66_NPTv6_to_internet nat-type nptv6
            set rulebase nat rules nat66_NPTv6_to_internet from zTrust
            set rulebase nat rules nat66_NPTv6_to_internet to zUntrust
            set rulebase nat rules nat66_NPTv6_to_internet source [ fd5a:ceb9:ed8d:fe0a:0:0:0:0/64 fd5a:ceb9:ed8d:fefc::/64 ]
            set rulebase nat rules nat66_NPTv6_to_internet destination any
            set rulebase nat rules nat66_NPTv6_to_internet to-interface ethernet1/1.999
            set rulebase nat rules nat66_NPTv6_to_internet service 0:any/any/any
            set rulebase nat rules nat66_NPTv6_to_internet source-translation static-ip translated-address ROUTINGPREFIX:ff66::/64
            """;
        var fromSet = (ObservedNatRule)PanosSetCommandsParser.Parse(set, "FWdc01.set-commands.txt").Observations.Single();
        Assert.That(fromSet with { Index = 1, Location = running.Location }, Is.EqualTo(running));
    }
}

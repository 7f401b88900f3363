using System.Linq;
using NetDsl.Captures.Parsers;
using NUnit.Framework;
using static NetDsl.Captures.Tests.TestValues;

namespace NetDsl.Captures.Tests;

/// <summary>What real devices and real people do to captures: reorder, add noise, cut short, change hex case.</summary>
public class VariantTests
{
    private const string ContainerIpAddr = """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            inet6 ::1/128 scope host
               valid_lft forever preferred_lft forever
        82: eth0@if83: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default
            link/ether 02:42:ac:1a:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0
            inet6 fd5a:ceb9:ed8d:1::2/64 scope global nodad
               valid_lft forever preferred_lft forever
            inet6 fe80::42:acff:fe1a:2/64 scope link
               valid_lft forever preferred_lft forever
        """;

    private static (string, string, string?, string)[] AddressFacts(string text) =>
        IpAddrParser.Parse(text, "cnt01.ip-addr.txt").Observations.SelectMany(i => i.Addresses)
            .Select(a => (a.Interface, a.Address.ToString(), a.Scope, string.Join(",", a.Flags))).OrderBy(f => f.Item2).ToArray();

    [Test]
    public void IpAddr_Reordered_GivesTheSameFacts()
    {
        var lines = ContainerIpAddr.Split('\n');
        string reordered = string.Join('\n', lines[4..].Concat(lines[..4]));
        Assert.That(AddressFacts(reordered), Is.EqualTo(AddressFacts(ContainerIpAddr)));
    }

    [Test]
    public void IpAddr_UpperCaseHexAndZone_GiveEqualObservations()
    {
        string upper = ContainerIpAddr.Replace("fd5a:ceb9:ed8d:1::2", "FD5A:CEB9:ED8D:1::2").Replace("fe80::42:acff:fe1a:2/64", "FE80::42:ACFF:FE1A:2%eth0/64")
            .Replace("02:42:ac:1a:00:02", "02:42:AC:1A:00:02");
        var parsed = IpAddrParser.Parse(upper, "cnt01.ip-addr.txt");
        Assert.That(parsed.Errors, Is.Empty);
        var eth0 = parsed.Observations.Single(i => i.Name == "eth0");
        Assert.That(eth0.Mac, Is.EqualTo(Mac("02:42:ac:1a:00:02")));
        Assert.That(eth0.Addresses[0].Address, Is.EqualTo(Prefix("fd5a:ceb9:ed8d:1::2/64")));
        Assert.That(eth0.Addresses[1].Address.Address.Value, Is.EqualTo(Address("fe80::42:acff:fe1a:2").Value));
        Assert.That(eth0.Addresses[1].Address.Address.Zone, Is.EqualTo("eth0"));
    }

    [Test]
    public void IpAddr_NoiseLines_AreToleratedAndMarkPartial()
    {
        string noisy = "\r\n# netdsl-capture: device=cnt01 command=\"ip -6 addr\"\r\n[root@45b84c2182a5 /]# ip -6 addr\r\n"
                       + ContainerIpAddr.Replace("\n", "\r\n").Replace("link-netnsid 0", "link-netnsid 0 permaddr 02:42:ac:1a:00:99")
                           .Replace("    link/ether", "    altname enp0s3\r\n    link/ether")
                       + "\r\n(~省略~)\r\n[root@45b84c2182a5 /]# \r\n";
        var parsed = IpAddrParser.Parse(noisy, "capture-from-ticket-123.txt");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.IsPartial, Is.True);
        Assert.That(parsed.Device, Is.EqualTo("cnt01"));
        Assert.That(parsed.Command, Is.EqualTo("ip -6 addr"));
        Assert.That(AddressFacts(noisy), Is.EqualTo(AddressFacts(ContainerIpAddr)));
        Assert.That(parsed.Observations.Single(i => i.Name == "eth0").Addresses[0].Location.Line, Is.EqualTo(11));
    }

    [Test]
    public void IpAddr_TruncatedAtALine_KeepsWhatWasPrinted()
    {
        string cut = string.Join('\n', ContainerIpAddr.Split('\n')[..7]);
        var parsed = IpAddrParser.Parse(cut, "cnt01.ip-addr.txt");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.Observations.Single(i => i.Name == "eth0").Addresses.Select(a => a.Address),
            Is.EqualTo(new[] { Prefix("fd5a:ceb9:ed8d:1::2/64") }));
    }

    [Test]
    public void IpRoute_ExtraColumnsAndMultipath_AreRead()
    {
        const string text = """
            default proto ra metric 1024 expires 1788sec pref medium
            	nexthop via fe80::1 dev ens192 weight 1
            	nexthop via FE80::2 dev ens224 weight 1 onlink
            2001:db8::/64 via fe80::9 dev ens192 proto static metric 20 rt_offload mtu 1400 pref high
            unreachable 2001:db8:dead::/48 dev lo metric 1024 pref medium
            """;
        var parsed = IpRouteParser.Parse(text, "r1.ip-6-route.txt");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.Observations.Select(r => (r.Destination.ToString(), r.Via?.ToString(), r.Interface, r.Type)), Is.EqualTo(new[]
        {
            ("::/0", "fe80::1", "ens192", "unicast"),
            ("::/0", "fe80::2", "ens224", "unicast"),
            ("2001:db8::/64", "fe80::9", "ens192", "unicast"),
            ("2001:db8:dead::/48", null, "lo", "unreachable"),
        }));
        Assert.That(parsed.Observations[1].Extra, Does.Contain("onlink"));
        Assert.That(parsed.Observations[2].Extra, Is.EqualTo(new[] { "rt_offload", "mtu 1400" }));
        Assert.That(parsed.Observations[2].Pref, Is.EqualTo("high"));
    }

    [Test]
    public void Nft_RulesetWithHandlesCountersAndSets_IsNormalised()
    {
        const string text = """
            # Warning: table ip filter is managed by iptables-nft, do not touch!
            table ip6 firewalld { # handle 3
            	set trusted {
            		type ipv6_addr
            		elements = { fd5a:ceb9:ed8d:1::2,
            			     fd5a:ceb9:ed8d:1::3 }
            	}
            	chain nat_POSTROUTING { # handle 40
            		type nat hook postrouting priority srcnat + 10; policy accept;
            		jump nat_POST_public # handle 41
            	}
            	chain nat_POST_public_allow { # handle 60
            		oifname  !=  "lo"   counter packets 12 bytes 960 masquerade # handle 61
            	}
            }
            """;
        var parsed = NftParser.Parse(text, "dockerhost.nft-list-ruleset.txt");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.Observations.Select(r => (r.Chain, r.Hook, r.Rule, r.Handle)), Is.EqualTo(new[]
        {
            ("nat_POSTROUTING", (string?)"postrouting", "jump nat_POST_public", (int?)41),
            ("nat_POST_public_allow", null, "oifname != \"lo\" counter masquerade", 61),
        }));
    }

    [Test]
    public void Nft_Truncated_ReportsTheUnclosedChainButKeepsRules()
    {
        string text = string.Join('\n', SeedCaptures.Text(SeedCaptures.Nft).Split('\n')[..4]);
        var parsed = NftParser.Parse(text, SeedCaptures.Nft);
        Assert.That(parsed.Observations, Has.Count.EqualTo(1));
        Assert.That(parsed.Errors.Single().ToString(), Does.StartWith(SeedCaptures.Nft + ":3: Chain nat_POST_public_allow is not closed"));
    }

    [Test]
    public void Conntrack_ListFormatWithPortsAndExtendedColumns()
    {
        const string text = """
            ipv6     10 tcp      6 431999 ESTABLISHED src=fd5a:ceb9:ed8d:1::2 dst=2001:db8::80 sport=40000 dport=443 src=2001:db8::80 dst=fd5a:ceb9:ed8d:fe0a::5 sport=443 dport=40000 [ASSURED] mark=0 use=1
            udp      17 29 src=fd5a:ceb9:ed8d:1::2 dst=2001:4860:4860::8888 sport=5353 dport=53 [UNREPLIED] src=2001:4860:4860::8888 dst=fd5a:ceb9:ed8d:1::2 sport=53 dport=5353 mark=0 use=1
            conntrack v1.4.6 (conntrack-tools): 2 flow entries have been shown.
            """;
        var parsed = ConntrackParser.Parse(text, "dockerhost.conntrack-l.txt");
        Assert.That(parsed.Errors, Is.Empty);
        var tcp = parsed.Observations[0];
        Assert.That((tcp.Protocol, tcp.State, tcp.Timeout, tcp.Original.DestinationPort, tcp.Reply!.SourcePort), Is.EqualTo(("tcp", (string?)"ESTABLISHED", (int?)431999, (int?)443, (int?)443)));
        Assert.That(tcp.IsSourceNatted, Is.True);
        var udp = parsed.Observations[1];
        Assert.That(udp.State, Is.Null);
        Assert.That(udp.IsSourceNatted, Is.False);
        Assert.That(udp.Flags, Is.EqualTo(new[] { "UNREPLIED" }));
    }

    [Test]
    public void DockerInspect_Truncated_GivesAJsonErrorWithLine()
    {
        string cut = string.Join('\n', SeedCaptures.Text(SeedCaptures.DockerInspect).Split('\n')[..20]);
        var parsed = DockerNetworkInspectParser.Parse(cut, SeedCaptures.DockerInspect);
        Assert.That(parsed.Observations, Is.Empty);
        var error = parsed.Errors.Single();
        Assert.That(error.File, Is.EqualTo(SeedCaptures.DockerInspect));
        Assert.That(error.Line, Is.InRange(19, 21));
    }

    [Test]
    public void DockerInspect_WithPromptLine_KeepsLineNumbers()
    {
        string text = "# docker network inspect br_ipv6_nw\n" + SeedCaptures.Text(SeedCaptures.DockerInspect);
        var parsed = DockerNetworkInspectParser.Parse(text, "some-file.json");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.Command, Is.EqualTo("docker network inspect br_ipv6_nw"));
        Assert.That(parsed.Observations.Single().Containers.Single().Location.Line, Is.EqualTo(31));
    }

    [Test]
    public void PanosNatPolicy_Truncated_ReportsUnclosedRuleAndKeepsFields()
    {
        string cut = string.Join('\n', SeedCaptures.Text(SeedCaptures.PanosNat).Split('\n')[..5]);
        var parsed = PanosNatPolicyParser.Parse(cut, SeedCaptures.PanosNat);
        Assert.That(parsed.Errors.Single().Line, Is.EqualTo(1));
        Assert.That(parsed.Observations.Single().Sources, Has.Count.EqualTo(2));
    }

    [Test]
    public void PanosShowInterfaceAll_WithHardwareTableAndEmptyZone()
    {
        const string text = """
            total configured hardware interfaces: 2

            name                    id    speed/duplex/state            mac address
            --------------------------------------------------------------------------------
            ethernet1/1             16    1000/full/up                  b4:0c:25:0f:df:10
            ethernet1/2             17    1000/full/up                  b4:0c:25:0f:df:11

            aggregation groups: 0

            total configured logical interfaces: 2

            name                id    vsys zone             forwarding               tag    address
            ------------------- ----- ---- ---------------- ------------------------ ------ ------------------
            ethernet1/1         16    1                     N/A                      0      N/A
            ethernet1/2.252     260   1    zTrust           vr:default               252    10.254.252.1/24
                                                                                            FD5A:CEB9:ED8D:FEFC::1/64
            """;
        var parsed = PanosShowInterfaceParser.Parse(text, "FWdc01.show-interface-all.txt");
        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(parsed.Observations.Select(i => (i.Name, i.Zone, i.Tag)), Is.EqualTo(new[] { ("ethernet1/1", (string?)null, (int?)0), ("ethernet1/2.252", "zTrust", 252) }));
        Assert.That(parsed.Observations[1].Addresses[1], Is.EqualTo(Prefix("fd5a:ceb9:ed8d:fefc::1/64")));
    }
}

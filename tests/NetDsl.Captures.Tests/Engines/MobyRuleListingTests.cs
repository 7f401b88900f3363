using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NetDsl.Captures.Verification;
using NetDsl.Engines;
using NetDsl.Model;
using NetDsl.Planning;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Captures.Tests.Engines;

/// <summary>
/// The engine table's firewall rows held to real listings: moby's own generated rule documentation for 28.0 and 29
/// (Fixtures/moby, Apache-2.0, IPv4 listings: the table's IPv4 rules are checked, the IPv6 ones being the same rules for
/// the IPv6 subnet), and ip6tables-save measured on this project's Docker 20.10 and Podman 4.3 (Fixtures/measured).
/// Every expected rule must hold; the negative cases show the checks fail when a row is wrong for the version.
/// </summary>
public class MobyRuleListingTests
{
    private static string Fixture(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests/NetDsl.Captures.Tests/Fixtures", path));

    /// <summary>The "iptables commands" blocks of a moby doc as one iptables-save text (each block's table from its policies).</summary>
    internal static IReadOnlyList<Observation> MobyIptables(string doc)
    {
        var save = new StringBuilder("# netdsl-capture: device=h command=\"iptables-save\"\n");
        foreach (var block in Blocks(doc).Where(b => b.Any(l => l.StartsWith("-A ") || l.StartsWith("-P "))))
        {
            string table = block.Contains("-P POSTROUTING ACCEPT") ? "nat" : block.Contains("-P FORWARD ACCEPT") || block.Contains("-P FORWARD DROP") ? "filter" : "raw";
            save.Append('*').Append(table).Append('\n');
            foreach (var line in block) save.Append(line).Append('\n');
            save.Append("COMMIT\n");
        }
        var parsed = IptablesSaveParser.Parse(save.ToString(), "h.iptables-save.txt");
        Assert.That(parsed.Errors, Is.Empty);
        return parsed.Observations;
    }

    /// <summary>The nftables table of a moby nftablesdoc, unindented.</summary>
    internal static IReadOnlyList<Observation> MobyNft(string doc)
    {
        var text = "# netdsl-capture: device=h command=\"nft list ruleset\"\n" + string.Join("\n", Blocks(doc).First(b => b.Any(l => l.StartsWith("table "))));
        var parsed = NftParser.Parse(text, "h.nft-list-ruleset.txt");
        Assert.That(parsed.Errors, Is.Empty);
        return parsed.Observations.Cast<Observation>().ToList();
    }

    private static IEnumerable<List<string>> Blocks(string doc)
    {
        var current = new List<string>();
        foreach (var raw in doc.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.StartsWith("    "))
            {
                current.Add(raw[4..].TrimEnd());
                continue;
            }
            if (current.Count > 0) yield return current.Where(l => l.Length > 0).ToList();
            current = new List<string>();
        }
        if (current.Count > 0) yield return current.Where(l => l.Length > 0).ToList();
    }

    /// <summary>The facts NetDsl expects of the engine for a file, for one family, as verify plans them.</summary>
    internal static List<EngineFirewallFact> Facts(string text, IpFamily family)
    {
        var result = NetDslCompiler.Compile(text, "fixture.netdsl");
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        var model = result.Model!;
        var host = model.Hosts[0];
        var firewall = EngineFirewall.For(host, model.Networks, family);
        return firewall.Expectations().Select(e => new EngineFirewallFact(host.Name, family, firewall.Backend, e.Kind, e.Bridge?.Network, e.Bridge?.Subnet,
            e.Bridge?.Bridge, e.Text, e.Bridge?.Source ?? firewall.Source)).ToList();
    }

    // moby's scenario: the default bridge docker0 (declared here as a network, so its rules are predicted too) and bridge1.
    private static string Scenario(string engine, string bridge1Options = "", string daemon = "") =>
        "docker-host h { engine " + engine + (daemon.Length > 0 ? "  daemon { " + daemon + " }" : "") + " }\n" +
        "network bridge on h { subnet fd00:17::/64  subnet 172.17.0.0/16  bridge-name docker0 }\n" +
        "network bridge1 on h { subnet fd00:1::/64  subnet 192.0.2.0/24  bridge-name bridge1 " + bridge1Options + " }\n";

    private static void AssertAllHold(IEnumerable<EngineFirewallFact> facts, IReadOnlyList<Observation> listing, params EngineRuleKind[] skipped)
    {
        int checkedCount = 0;
        foreach (var f in facts.Where(f => !skipped.Contains(f.Kind)))
        {
            var finding = EngineFirewallChecks.Check(f, listing, f.Bridge);
            Assert.That(finding.Verdict, Is.EqualTo(RuleVerdict.Holds), f.Describe() + ": expected " + f.Expected + ", observed " + finding.Observed + " " + finding.Note);
            checkedCount++;
        }
        Assert.That(checkedCount, Is.GreaterThan(0));
    }

    // moby's CI host had forwarding on before dockerd started, so its listings show policy ACCEPT (the doc says so); the
    // table's IPv4 DROP is for a host where dockerd turns forwarding on itself.
    private static readonly EngineRuleKind[] PolicyNotInFixture = { EngineRuleKind.ForwardPolicyDrop };

    [Test]
    public void Docker_28_0_0_new_daemon()
    {
        var listing = MobyIptables(Fixture("moby/28.0.0-new-daemon.md"));
        var facts = Facts("docker-host h { engine 28.0 }\nnetwork bridge on h { subnet fd00:17::/64  subnet 172.17.0.0/16  bridge-name docker0 }\n", IpFamily.Ipv4);
        Assert.That(facts.Select(f => f.Kind), Is.EquivalentTo(new[] { EngineRuleKind.Masquerade, EngineRuleKind.DropInbound, EngineRuleKind.ForwardPolicyDrop }));
        AssertAllHold(facts, listing, PolicyNotInFixture);
    }

    [Test]
    public void Docker_28_0_user_network() =>
        AssertAllHold(Facts(Scenario("28.0"), IpFamily.Ipv4), MobyIptables(Fixture("moby/28.0-usernet-portmap.md")), PolicyNotInFixture);

    [Test]
    public void Docker_29_user_network_iptables() =>
        AssertAllHold(Facts(Scenario("29.0"), IpFamily.Ipv4), MobyIptables(Fixture("moby/29-usernet-portmap.md")), PolicyNotInFixture);

    [Test]
    public void Docker_29_routed_network_iptables()
    {
        var facts = Facts(Scenario("29.0", "gateway-mode ipv4 routed"), IpFamily.Ipv4);
        Assert.That(facts.Where(f => f.Network == "bridge1").Select(f => f.Kind),
            Is.EquivalentTo(new[] { EngineRuleKind.NoMasquerade, EngineRuleKind.AcceptIcmpInbound, EngineRuleKind.DropInbound }));
        AssertAllHold(facts, MobyIptables(Fixture("moby/29-usernet-portmap-routed.md")), PolicyNotInFixture);
    }

    [Test]
    public void Docker_29_nat_unprotected_network_nftables()
    {
        var facts = Facts(Scenario("29.0", "gateway-mode ipv4 nat-unprotected", "firewall-backend nftables"), IpFamily.Ipv4);
        Assert.That(facts.Select(f => f.Backend).Distinct(), Is.EqualTo(new[] { FirewallBackend.Nftables }));
        Assert.That(facts.Where(f => f.Network == "bridge1").Select(f => f.Kind), Is.EquivalentTo(new[] { EngineRuleKind.Masquerade, EngineRuleKind.AcceptInbound }));
        AssertAllHold(facts, MobyNft(Fixture("moby/29-nftables-usernet-portmap-natunprot.md")), PolicyNotInFixture);
    }

    [Test]
    public void Measured_docker_20_10_with_ip6tables()
    {
        var text = "docker-host h { engine 20.10  daemon { ip6tables true  experimental true } }\n" +
                   "network n1 on h { subnet fd00:1::/64  bridge-name br1 }\nnetwork n2 on h { subnet fd00:2::/64  bridge-name br2 }\n";
        var facts = Facts(text, IpFamily.Ipv6);
        Assert.That(facts.Count(f => f.Kind == EngineRuleKind.DropFromOtherBridges), Is.EqualTo(2));
        var listing = IptablesSaveParser.Parse(Fixture("measured/docker-20.10.24-ip6tables.ip6tables-save.txt"), "h.ip6tables-save.txt").Observations;
        AssertAllHold(facts, listing);
    }

    [Test]
    public void Measured_podman_4_3()
    {
        var text = "docker-host h { engine podman 4.3 }\nnetwork n1 on h { subnet fd00:71::/64  bridge-name pmbr1 }\nnetwork n2 on h { subnet fd00:72::/64  bridge-name podman1 }\n";
        var facts = Facts(text, IpFamily.Ipv6);
        Assert.That(facts.Any(f => f.Kind == EngineRuleKind.ForwardPolicyDrop), Is.False, "netavark leaves the policy");
        var listing = IptablesSaveParser.Parse(Fixture("measured/podman-4.3.1.ip6tables-save.txt"), "h.ip6tables-save.txt").Observations;
        AssertAllHold(facts, listing);
    }

    [Test]
    public void A_row_for_the_wrong_version_is_caught()
    {
        // 20.10's isolation chains are gone in 29: the 20.10 row does not hold on 29's listing.
        var old = Facts(Scenario("20.10", "", "ip6tables true  experimental true"), IpFamily.Ipv4);
        var listing = MobyIptables(Fixture("moby/29-usernet-portmap.md"));
        var isolation = old.First(f => f.Kind == EngineRuleKind.DropFromOtherBridges && f.Network == "bridge1");
        Assert.That(EngineFirewallChecks.Check(isolation, listing, "bridge1").Verdict, Is.EqualTo(RuleVerdict.Broken));
        // A nat network's masquerade is not in the routed listing.
        var nat = Facts(Scenario("29.0"), IpFamily.Ipv4).First(f => f.Kind == EngineRuleKind.Masquerade && f.Network == "bridge1");
        Assert.That(EngineFirewallChecks.Check(nat, MobyIptables(Fixture("moby/29-usernet-portmap-routed.md")), "bridge1").Verdict, Is.EqualTo(RuleVerdict.Broken));
        // And 20.10's measured listing has no DOCKER-chain drop into a bridge, which 28.0 predicts.
        var newer = Facts("docker-host h { engine 28.0 }\nnetwork n1 on h { subnet fd00:1::/64  bridge-name br1 }\n", IpFamily.Ipv6).First(f => f.Kind == EngineRuleKind.DropInbound);
        var measured = IptablesSaveParser.Parse(Fixture("measured/docker-20.10.24-ip6tables.ip6tables-save.txt"), "h.ip6tables-save.txt").Observations;
        Assert.That(EngineFirewallChecks.Check(newer, measured, "br1").Verdict, Is.EqualTo(RuleVerdict.Broken));
    }
}

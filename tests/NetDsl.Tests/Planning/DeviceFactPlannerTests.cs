using System.Linq;
using NetDsl.Planning;
using NUnit.Framework;

namespace NetDsl.Tests.Planning;

/// <summary>The VerifyPlan facts beyond Docker: what captures of the host, router and firewall are checked against.</summary>
public class DeviceFactPlannerTests
{
    private static VerifyPlan Plan() => VerifyPlanner.Plan(TestCompile.Example());

    [Test]
    public void The_masqueraded_ping_leaves_the_seeds_conntrack_entry()
    {
        var fact = Plan().FactsOf<ConntrackFact>().Single();
        Assert.That(fact.Device, Is.EqualTo("dockerhost"));
        Assert.That(fact.Expected, Is.EqualTo(
            "icmpv6 src=fd5a:ceb9:ed8d:1::2 dst=2001:4860:4860::8888 … src=2001:4860:4860::8888 dst=fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));
    }

    [Test]
    public void Masquerade_is_the_rule_text_nft_prints()
    {
        Assert.That(Plan().FactsOf<MasqueradeFact>().Single().Expected, Is.EqualTo("oifname != \"lo\" masquerade"));
    }

    [Test]
    public void Router_and_firewall_configuration_are_facts()
    {
        var plan = Plan();
        Assert.That(plan.FactsOf<StaticRouteFact>().Select(f => f.Device + ": " + f.Expected), Does.Contain("Rdc01: ::/0 via Vlan252 fd5a:ceb9:ed8d:fefc::1"));
        Assert.That(plan.FactsOf<ZoneFact>().Select(f => f.Interface + " " + f.Zone), Is.EqualTo(new[] { "ethernet1/1.999 zUntrust", "ethernet1/2.252 zTrust" }));
        var linkLocal = plan.FactsOf<DeviceAddressFact>().Single(f => f.Device == "FWdc01" && f.IsLinkLocal);
        Assert.That(linkLocal.Expected, Is.EqualTo("fe80::1"), "link-locals compare without a length: PAN-OS prints /128");
        Assert.That(plan.FactsOf<DeviceAddressFact>().Select(f => f.Expected),
            Does.Contain("2001:db8:ff00:ffff:192:168:1:250/64"), "ROUTINGPREFIX resolved");
    }

    [Test]
    public void The_seeds_two_inside_prefixes_stay_one_NAT_rule_as_the_renderer_emits_it()
    {
        var nat = Plan().FactsOf<NatRuleFact>().ToDictionary(f => f.Field);
        Assert.That(nat.Values.Select(f => f.Rule).Distinct(), Is.EqualTo(new[] { "nat66_NPTv6_to_internet" }));
        Assert.That(nat[NatRuleField.Sources].Expected, Is.EqualTo("fd5a:ceb9:ed8d:fe0a::/64, fd5a:ceb9:ed8d:fefc::/64"));
        Assert.That(nat[NatRuleField.TranslatedSource].Expected, Is.EqualTo("2001:db8:ff00:ff66::/64"));
    }

    [Test]
    public void Docker_facts_keep_their_order_and_come_first()
    {
        var facts = Plan().Facts.ToList();
        int lastDocker = facts.FindLastIndex(f => f is EngineVersionFact or NetworkFieldFact or InterfaceAddressFact or LinkLocalFact or RouteFact or PingFact);
        int firstDevice = facts.FindIndex(f => f is DeviceAddressFact or ZoneFact or StaticRouteFact or NatRuleFact or MasqueradeFact or ConntrackFact);
        Assert.That(firstDevice, Is.GreaterThan(lastDocker));
        Assert.That(facts.Select(f => f.Key), Is.Unique);
    }
}

using System.Linq;
using NetDsl.Planning;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

public class VerifyPlannerTests
{
    private static VerifyPlan Plan() => VerifyPlanner.Plan(TestModels.Squid());

    [Test]
    public void Seed_addresses_are_facts()
    {
        var facts = Plan().Facts;
        Assert.That(facts.OfType<InterfaceAddressFact>().Select(f => f.Device + " " + f.Expected), Is.SupersetOf(new[]
        {
            "cnt01 fd5a:ceb9:ed8d:1::2/64", "dockerhost fd5a:ceb9:ed8d:1::1/64", "dockerhost fe80::1/64",
        }));
        Assert.That(facts.OfType<LinkLocalFact>().Single().Expected, Is.EqualTo("fe80::42:acff:fe1a:2"));
    }

    [Test]
    public void Routes_inside_the_container_and_on_the_host()
    {
        var routes = Plan().FactsOf<RouteFact>().Select(r => r.Device + ": " + r.Expected).ToList();
        Assert.That(routes, Does.Contain("cnt01: ::/0 via fd5a:ceb9:ed8d:1::1 dev eth0"));
        Assert.That(routes, Does.Contain("dockerhost: fd5a:ceb9:ed8d:1::/64 dev br_ipv6_nw"));
        Assert.That(routes, Does.Contain("dockerhost: ::/0 via fe80::1 dev ens192"));
    }

    [Test]
    public void Pings_resolve_names_and_mark_external_targets()
    {
        var pings = Plan().FactsOf<PingFact>().ToDictionary(p => p.Device + "->" + p.Target);
        Assert.That(pings["dockerhost->cnt01"].Address.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::2"));
        Assert.That(pings["cnt01->dockerhost"].Address.ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::1"));
        Assert.That(pings["cnt01->fe80::1%eth0"].Zone, Is.EqualTo("eth0"));
        Assert.That(pings["cnt01->dns.google"].External, Is.True);
        Assert.That(pings["dockerhost->cnt01"].External, Is.False);
    }

    [Test]
    public void No_pings_from_hosts_and_containers_are_facts_that_expect_no_reply_and_router_ones_are_not()
    {
        var model = TestModels.Compile("""
            docker-host h { }
            network n on h { subnet fd00:71::/64 }
            container a on n { image "busybox" }
            expect no-ping a -> fd00:dead::1
            expect no-ping h -> fd00:dead::2
            expect ping a -> h
            """);
        var plan = VerifyPlanner.Plan(model);
        var noPings = plan.FactsOf<NoPingFact>().ToDictionary(p => p.Device + "->" + p.Target);
        Assert.That(noPings.Keys, Is.EquivalentTo(new[] { "a->fd00:dead::1", "h->fd00:dead::2" }));
        Assert.That(noPings["a->fd00:dead::1"].FromContainer, Is.True);
        Assert.That(noPings["a->fd00:dead::1"].Expected, Is.EqualTo("no reply from fd00:dead::1"));
        Assert.That(noPings["a->fd00:dead::1"].Describe(), Is.EqualTo("no-ping a -> fd00:dead::1 (fd00:dead::1)"));
        Assert.That(noPings["h->fd00:dead::2"].FromContainer, Is.False);
        Assert.That(plan.FactsOf<PingFact>().Select(p => p.Device + "->" + p.Target), Is.EqualTo(new[] { "a->h" }));
        // The seed declares no no-ping from a Docker host or container (routers cannot run a ping for verify).
        Assert.That(Plan().FactsOf<NoPingFact>(), Is.Empty);
    }

    [Test]
    public void Fact_keys_are_unique_and_stable()
    {
        var keys = Plan().Facts.Select(f => f.Key).ToList();
        Assert.That(keys, Is.Unique);
        Assert.That(keys, Does.Contain("dockerhost/network/br_ipv6_nw/subnet6"));
    }
}

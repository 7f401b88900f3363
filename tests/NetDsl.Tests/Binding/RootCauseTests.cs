using System.Linq;
using NetDsl.Diagnostics;
using NUnit.Framework;

namespace NetDsl.Tests.Binding;

/// <summary>
/// Root cause first: a statement that failed still declares its name, uses inside it still count, and nothing
/// downstream reports a knock-on of an error already reported. Each file here has exactly one mistake.
/// </summary>
public class RootCauseTests
{
    private const string Head = "let P = fd00:1::/48\nlet IMG = \"busybox\"\ndocker-host h { }\n";

    private static string[] Ids(string text) => TestCompile.Compile(text).Ids().ToArray();

    [Test]
    public void A_misspelt_setting_is_reported_once_with_the_setting_it_resembles()
    {
        var result = TestCompile.Compile(Head + "network lan on h { subnett P:1::/64 }\ncontainer c on lan { image IMG }\nexpect ping c -> h\n");
        Assert.That(result.Ids(), Is.EqualTo(new[] { "NDSL0005" }), string.Join("\n", result.Diagnostics));
        Assert.That(result.Diagnostics[0].Message, Does.EndWith("Did you mean 'subnet'?"));
    }

    [Test]
    public void A_network_that_failed_is_still_declared_for_its_containers_and_addresses()
    {
        var text = Head + "network lan on h { subnet P:1::1/64 }\ncontainer c on lan { image IMG  address lan P:1::5 }\n";
        Assert.That(Ids(text), Is.EqualTo(new[] { "NDSL2003" }));
    }

    [Test]
    public void A_host_that_failed_is_still_declared_for_its_networks()
    {
        var text = "docker-host 1h { }\nnetwork lan on 1h { subnet fd00:1::/64 }\ncontainer c on lan { image \"x\" }\nexpect ping c -> 1h\n";
        Assert.That(Ids(text), Is.EqualTo(new[] { "NDSL1003" }));
    }

    [Test]
    public void A_device_that_failed_is_still_declared_for_expects()
    {
        var text = "router r junos { interface e0 address fd00::1/64 }\nupstream u { interface x address fd00::2/64  host dns fd00::8 }\nexpect ping r -> dns\n";
        Assert.That(Ids(text), Is.EqualTo(new[] { "NDSL1003" }));
    }

    [Test]
    public void Uses_inside_statements_that_failed_still_count_as_uses()
    {
        // P's only use is in a statement that does not even parse; IMG's in a container whose network failed.
        var text = Head + "network lan on h { subnet P:1::/64  label [\"a\" \"b\"] x }\nnetwork wan on h { subnet fd00:9::1/64 }\ncontainer c on wan { image IMG }\n";
        var ids = Ids(text);
        Assert.That(ids, Does.Not.Contain("NDSL1008"), string.Join(" ", ids));
        Assert.That(ids, Is.EquivalentTo(new[] { "NDSL0001", "NDSL2003" }));
    }

    [Test]
    public void An_unused_parameter_is_still_reported_in_a_file_with_errors()
    {
        var ids = Ids("let UNUSED = \"x\"\ndocker-host 1h { }\n");
        Assert.That(ids, Is.EquivalentTo(new[] { "NDSL1003", "NDSL1008" }));
    }

    [TestCase("network lan on hh { subnet fd00:1::/64 }\n", "Did you mean 'h'?", false)]
    [TestCase("network lan on h { subnet fd00:1::/64 }\ncontainer c on lna { image \"x\" }\n", "Did you mean 'lan'?", true)]
    [TestCase("dockerhost h2 { }\n", "Did you mean 'docker-host'?", true)]
    [TestCase("network lan on h { subnet fd00:1::/64  bridge_name br0 }\n", "Did you mean 'bridge-name'?", true)]
    public void An_unknown_name_close_to_a_known_one_says_did_you_mean(string statement, string expected, bool _)
    {
        var result = TestCompile.Compile("docker-host h { }\n" + statement);
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains(expected), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void A_name_far_from_every_known_one_gets_no_guess()
    {
        var result = TestCompile.Compile("docker-host h { }\nnetwork lan on h { subnet fd00:1::/64 }\ncontainer c on internet { image \"x\" }\n");
        Assert.That(result.Errors.Single().Message, Does.Not.Contain("Did you mean"));
    }

    [Test]
    public void Every_statement_that_failed_is_listed_with_its_kind_and_name()
    {
        var result = TestCompile.Compile(Head + "network lan on h { subnet P:1::1/64 }\ncontainer c on lan { image IMG }\nrouter r junos { }\nnetwork ok on h { subnet fd00:2::/64 }\n");
        Assert.That(result.Unbound.Select(u => (u.Kind, u.Name)), Is.EqualTo(new[] { ("network", "lan"), ("container", "c"), ("router", "r") }));
        Assert.That(result.PartialModel.Networks.Select(n => n.Name), Is.EqualTo(new[] { "ok" }));
        Assert.That(result.Locate(result.Unbound[0].Span).Line, Is.EqualTo(4));
    }

    [Test]
    public void A_duplicate_is_not_listed_as_unbound_when_its_name_bound_elsewhere()
    {
        var result = TestCompile.Compile("docker-host h { }\ndocker-host h { }\n");
        Assert.That(result.Ids(), Is.EqualTo(new[] { "NDSL1002" }));
        Assert.That(result.Unbound, Is.Empty);
    }

    [Test]
    public void A_syntax_error_suppresses_the_path_check_of_expects()
    {
        var ids = Ids("docker-host h { interface eth0 address fd00::5/64  engin 20.10 }\nupstream u { interface x address fd00::1/64  host dns 2001:db8::8 }\nexpect ping h -> dns\n");
        Assert.That(ids, Is.EqualTo(new[] { "NDSL0005" }));
    }
}

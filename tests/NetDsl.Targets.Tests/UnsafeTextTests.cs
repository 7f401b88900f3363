using System.Linq;
using NetDsl.Model;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>
/// A value that would break out of its place in a config line is refused with NDSL1010 at the model element's
/// span, and the target writes nothing. The binder normally stops such names; these models are built by hand
/// to prove the renderers' own check.
/// </summary>
public class UnsafeTextTests
{
    [TestCase("Vlan252\nno ipv6 unicast-routing", "a newline")]
    [TestCase("Vlan252\"", "a double quote")]
    [TestCase("Vlan 252", "a space")]
    [TestCase("Vlan252!", "'!'")]
    [TestCase("", "nothing (an empty value)")]
    public void Ios_refuses_an_unsafe_interface_name(string name, string problem)
    {
        var model = SquidExample.Model();
        var router = model.Routers[0];
        var bad = router with { Interfaces = EquatableArray.Of(router.Interfaces[1] with { Name = name }) };
        var result = new IosRenderer().Render(model with { Routers = EquatableArray.Of(bad) });

        Assert.That(result.Artifacts, Is.Empty);
        var d = result.Diagnostics.Single();
        Assert.That(d.Id, Is.EqualTo("NDSL1010"));
        Assert.That(d.Span, Is.EqualTo(router.Interfaces[1].Span), "reported where the interface is declared");
        Assert.That(d.Message, Does.Contain(problem).And.Contain("an IOS configuration").And.Not.Contain("\n"));
    }

    [Test]
    public void Panos_refuses_a_zone_with_a_semicolon()
    {
        var model = SquidExample.Model();
        var firewall = model.Firewalls[0];
        var rule = firewall.Nptv6Rules[0] with { FromZone = "zTrust;delete" };
        var result = new PanosRenderer().Render(model with { Firewalls = EquatableArray.Of(firewall with { Nptv6Rules = EquatableArray.Of(rule) }) });

        Assert.That(result.Artifacts, Is.Empty);
        Assert.That(result.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL1010" }));
        Assert.That(result.Errors.Single().Message, Does.Contain("';'").And.Contain("PAN-OS"));
    }

    [Test]
    public void Panos_refuses_an_interface_name_it_cannot_place()
    {
        var model = SquidExample.Model();
        var firewall = model.Firewalls[0];
        var iface = firewall.Interfaces[0] with { Name = "GigabitEthernet0/1" };
        var result = new PanosRenderer().Render(model with { Firewalls = EquatableArray.Of(firewall with { Interfaces = EquatableArray.Of(iface) }) });

        Assert.That(result.Artifacts, Is.Empty);
        Assert.That(result.Errors.Single().Id, Is.EqualTo("NDSL1003"));
    }

    [Test]
    public void Nftables_refuses_a_quote_in_an_interface_name()
    {
        var model = SquidExample.Model();
        var host = model.Hosts[0];
        var masquerade = host.Masquerades[0] with { ExcludedOutputInterface = "lo\" accept #" };
        var result = new NftablesRenderer().Render(model with { Hosts = EquatableArray.Of(host with { Masquerades = EquatableArray.Of(masquerade) }) });

        Assert.That(result.Artifacts, Is.Empty);
        Assert.That(result.Errors.Single().Id, Is.EqualTo("NDSL1010"));
        Assert.That(result.Errors.Single().Span, Is.EqualTo(host.Masquerades[0].Span));
    }

    [Test]
    public void One_refusing_target_means_no_artifact_from_any_target()
    {
        var model = SquidExample.Model();
        var router = model.Routers[0];
        var bad = model with { Routers = EquatableArray.Of(router with { Name = "Rdc01\n" }) };
        var result = TargetSet.Render(bad, TargetRegistry.All());

        Assert.That(result.HasErrors, Is.True);
        Assert.That(result.Artifacts, Is.Empty);
    }

    [Test]
    public void A_refused_model_yields_no_artifact_and_an_error_rather_than_throwing()
    {
        var model = SquidExample.Model();
        var bad = model with { Routers = EquatableArray.Of(model.Routers[0] with { Name = "R{1}" }) };
        var result = new IosRenderer().Render(bad);
        Assert.That(result.Artifacts, Is.Empty);
        Assert.That(result.HasErrors, Is.True);
    }

    [TestCase("ethernet1/1.999", true)]
    [TestCase("fd5a:ceb9:ed8d:fe0a::/64", true)]
    [TestCase("fe80::1%eth0", true)]
    [TestCase("a#b", false)]
    [TestCase("a{b", false)]
    [TestCase("a}b", false)]
    [TestCase("a'b", false)]
    [TestCase("a\\b", false)]
    [TestCase("a\tb", false)]
    [TestCase("caf\u00e9", false)]
    [TestCase("a\u0000b", false)]
    public void ConfigText_allows_names_and_addresses_only(string value, bool safe) =>
        Assert.That(ConfigText.IsSafe(value), Is.EqualTo(safe));

    [Test]
    public void Json_strings_are_escaped_not_refused()
    {
        // daemon.json carries no free text today; the JSON writer escapes whatever it is given.
        var node = new System.Text.Json.Nodes.JsonObject { ["x"] = "a\"b\nc" };
        Assert.That(DaemonJson.Format(node), Is.EqualTo("{\n  \"x\": \"a\\u0022b\\nc\"\n}\n"));
    }
}

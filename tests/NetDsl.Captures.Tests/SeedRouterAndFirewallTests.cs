using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NUnit.Framework;
using static NetDsl.Captures.Tests.TestValues;

namespace NetDsl.Captures.Tests;

/// <summary>The seed's Cisco router and PAN-OS firewall captures.</summary>
public class SeedRouterAndFirewallTests
{
    private static readonly Dictionary<string, IpPrefix> RoutingPrefix = new() { ["ROUTINGPREFIX"] = IpPrefix.Parse("2001:db8:ff00::/48") };

    [Test]
    public void IosShowRun_GivesUpperCaseStaticRoute()
    {
        var result = IosRunningConfigParser.Parse(SeedCaptures.Text(SeedCaptures.IosRun), SeedCaptures.IosRun);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.IsPartial, Is.True, "`| in ::/0` shows only matching lines");
        Assert.That(result.Command, Is.EqualTo("sh run | in ::/0"));
        var route = (ObservedStaticRoute)result.Observations.Single();
        Assert.That(route, Is.EqualTo(new ObservedStaticRoute("Rdc01", Prefix("::/0"), "Vlan252", Address("fd5a:ceb9:ed8d:fefc::1"),
            null, null, null, new CaptureLocation(SeedCaptures.IosRun, 2))));
    }

    [Test]
    public void PanosShowInterfaceAll_GivesZonesTagsAndAddresses_AndIsPartial()
    {
        var result = PanosShowInterfaceParser.Parse(SeedCaptures.Text(SeedCaptures.PanosInterfaces), SeedCaptures.PanosInterfaces);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.IsPartial, Is.True, "the seed elides rows with (~省略~)");
        Assert.That(result.Device, Is.EqualTo("FWdc01"));
        Assert.That(result.Observations.Select(i => i.Name), Is.EqualTo(new[] { "ethernet1/1.999", "ethernet1/2.252" }));
        var untrust = result.Observations[0];
        Assert.That(untrust.Id, Is.EqualTo(271));
        Assert.That(untrust.Vsys, Is.EqualTo("1"));
        Assert.That(untrust.Zone, Is.EqualTo("zUntrust"));
        Assert.That(untrust.Forwarding, Is.EqualTo("vr:default"));
        Assert.That(untrust.Tag, Is.EqualTo(999));
        Assert.That(untrust.Addresses, Has.Count.EqualTo(4));
        Assert.That(untrust.Addresses[0], Is.EqualTo(Prefix("192.168.1.250/24")));
        var redacted = untrust.Addresses[2];
        Assert.That(redacted.IsResolved, Is.False);
        Assert.That(redacted.Address.Placeholder, Is.EqualTo("ROUTINGPREFIX"));
        Assert.That(redacted.ToString(), Is.EqualTo("ROUTINGPREFIX:ffff:192:168:1:250/64"));
        Assert.That(redacted.TryResolve(RoutingPrefix, out var resolved), Is.True);
        Assert.That(resolved, Is.EqualTo(IpPrefix.Parse("2001:db8:ff00:ffff:192:168:1:250/64")));
        var trust = result.Observations[1];
        Assert.That(trust.Zone, Is.EqualTo("zTrust"));
        Assert.That(trust.Tag, Is.EqualTo(252));
        Assert.That(trust.Addresses, Is.EqualTo(new[] { Prefix("10.254.252.1/24"), Prefix("fe80::b60c:25ff:fe0f:df11/64"),
            Prefix("fd5a:ceb9:ed8d:fefc::1/64"), Prefix("fe80::1/128") }));
        Assert.That(trust.Location.Line, Is.EqualTo(8));
    }

    [Test]
    public void PanosNatPolicy_GivesNptv6RuleWithTwoSourcesAndRedactedTranslation()
    {
        var result = PanosNatPolicyParser.Parse(SeedCaptures.Text(SeedCaptures.PanosNat), SeedCaptures.PanosNat);

        Assert.That(result.Errors, Is.Empty);
        var rule = result.Observations.Single();
        Assert.That(rule.Name, Is.EqualTo("nat66_NPTv6_to_internet"));
        Assert.That(rule.Index, Is.EqualTo(1));
        Assert.That(rule.NatType, Is.EqualTo("nptv6"));
        Assert.That(rule.FromZones, Is.EqualTo(new[] { "zTrust" }));
        Assert.That(rule.ToZones, Is.EqualTo(new[] { "zUntrust" }));
        Assert.That(rule.Sources, Is.EqualTo(new[] { Prefix("fd5a:ceb9:ed8d:fe0a::/64"), Prefix("fd5a:ceb9:ed8d:fefc::/64") }));
        Assert.That(rule.SourceNames, Is.Empty);
        Assert.That(rule.DestinationNames, Is.EqualTo(new[] { "any" }));
        Assert.That(rule.ToInterface, Is.EqualTo("ethernet1/1.999"));
        Assert.That(rule.Service, Is.EqualTo("0:any/any/any"));
        Assert.That(rule.TranslationKind, Is.EqualTo("static-ip"));
        Assert.That(rule.TranslatedSource, Is.EqualTo(Prefix("ROUTINGPREFIX:ff66:0:0:0:0/64")));
        Assert.That(rule.TranslatedSource!.TryResolve(RoutingPrefix, out var translated), Is.True);
        Assert.That(translated, Is.EqualTo(IpPrefix.Parse("2001:db8:ff00:ff66::/64")));
        Assert.That(rule.Location, Is.EqualTo(new CaptureLocation(SeedCaptures.PanosNat, 1)));
    }
}

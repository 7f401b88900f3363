using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Captures.Parsers;
using NUnit.Framework;
using static NetDsl.Captures.Tests.TestValues;

namespace NetDsl.Captures.Tests;

/// <summary>Bad lines become errors naming the file and line; the rest of the capture is still read.</summary>
public class MalformedInputTests
{
    [Test]
    public void IpAddr_BadAddress_IsAnErrorOnItsLine_AndOtherAddressesSurvive()
    {
        string text = SeedCaptures.Text(SeedCaptures.ContainerIpAddr).Replace("fd5a:ceb9:ed8d:1::2/64", "fd5a:ceb9:zz8d:1::2/64");
        var parsed = IpAddrParser.Parse(text, SeedCaptures.ContainerIpAddr);
        var error = parsed.Errors.Single();
        Assert.That(error.Location, Is.EqualTo(new CaptureLocation(SeedCaptures.ContainerIpAddr, 12)));
        Assert.That(error.Message, Does.Contain("fd5a:ceb9:zz8d:1::2/64"));
        Assert.That(parsed.Observations.Single(i => i.Name == "eth0").Addresses.Select(a => a.Address),
            Does.Contain(Prefix("fe80::42:acff:fe1a:2/64")));
    }

    [Test]
    public void IpAddr_OutputOfAnotherCommand_GivesErrorsNotObservations()
    {
        var parsed = IpAddrParser.Parse(SeedCaptures.Text(SeedCaptures.HostRoutes), "dockerhost.ip-addr.txt");
        Assert.That(parsed.Observations, Is.Empty);
        Assert.That(parsed.Errors.Select(e => e.Line), Is.EqualTo(Enumerable.Range(1, 8)), "line 1: the prompt shows ip -6 route");
    }

    [Test]
    public void IpRoute_BadDestinationAndMetric_AreErrorsOnTheirLines()
    {
        var parsed = IpRouteParser.Parse("fd5a::/64 dev eth0 metric 256\nnot-a-prefix dev eth0\nfe80::/64 dev eth0 metric lots\n", "cnt01.ip-6-route.txt");
        Assert.That(parsed.Errors.Select(e => e.Line), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(parsed.Observations, Has.Count.EqualTo(2));
    }

    [Test]
    public void Conntrack_LineWithoutTuple_IsAnError()
    {
        var parsed = ConntrackParser.Parse(" [NEW] icmpv6 58 30 type=128\n", "h.conntrack-e.txt");
        Assert.That(parsed.Errors.Single().ToString(), Does.StartWith("h.conntrack-e.txt:1: "));
    }

    [Test]
    public void PanosNatPolicy_BadTranslateTo_IsAnError()
    {
        string text = SeedCaptures.Text(SeedCaptures.PanosNat).Replace("src: ROUTINGPREFIX:ff66:0:0:0:0/64", "src: ROUTING PREFIX");
        var parsed = PanosNatPolicyParser.Parse(text, SeedCaptures.PanosNat);
        Assert.That(parsed.Errors.Single().Line, Is.EqualTo(9));
        Assert.That(parsed.Observations.Single().TranslatedSource, Is.Null);
    }

    [Test]
    public void Placeholder_OnlyOneWordAndNoTypos()
    {
        Assert.That(CapturedAddress.TryParse("ROUTINGPREFIX:ffff::1", out _), Is.True);
        Assert.That(CapturedAddress.TryParse("ROUTINGPREFIX:OTHER::1", out _), Is.False, "two placeholders");
        Assert.That(CapturedAddress.TryParse("fd5a:ceb9:ed8g::1", out _), Is.False, "a lower-case typo is not a redaction");
        Assert.That(CapturedAddress.TryParse("FD5A:CEB9:ED8G::1", out _), Is.True, "an upper-case non-hex group reads as a placeholder…");
        Assert.That(CapturedAddress.TryParse("FD5A:CEB9:ED8G::1", out var typo) && typo.TryResolve(
            new System.Collections.Generic.Dictionary<string, NetDsl.Addressing.IpPrefix>(), out _), Is.False, "…that no parameter resolves");
        Assert.That(CapturedAddress.TryParse("fd5a:ce-b9::1", out _), Is.False);
    }

    [Test]
    public void ChangedAddressInACapture_ShowsAsADifferentFactAtItsLine()
    {
        // What the verifier will report as "fail: expected fd5a:ceb9:ed8d:1::2/64, observed …::99/64 at cnt01.ip-addr.txt:12".
        string text = SeedCaptures.Text(SeedCaptures.ContainerIpAddr).Replace("fd5a:ceb9:ed8d:1::2/64", "fd5a:ceb9:ed8d:1::99/64");
        var parsed = IpAddrParser.Parse(text, SeedCaptures.ContainerIpAddr);
        var global = parsed.Observations.Single(i => i.Name == "eth0").Addresses.Single(a => a.Scope == "global" && a.Address.Value is { IsV4: false });
        Assert.That(global.Address, Is.Not.EqualTo(Prefix("fd5a:ceb9:ed8d:1::2/64")));
        Assert.That(global.Address, Is.EqualTo(Prefix("fd5a:ceb9:ed8d:1::99/64")));
        Assert.That(global.Location.ToString(), Is.EqualTo("cnt01.ip-addr.txt:12"));
    }
}

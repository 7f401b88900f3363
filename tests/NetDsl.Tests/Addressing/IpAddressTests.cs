using NetDsl.Addressing;
using NUnit.Framework;

namespace NetDsl.Tests.Addressing;

public class IpAddressTests
{
    [TestCase("fd5a:ceb9:ed8d:1::2", "fd5a:ceb9:ed8d:1::2")]
    [TestCase("FD5A:CEB9:ED8D:FEFC::1", "fd5a:ceb9:ed8d:fefc::1")]
    [TestCase("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [TestCase("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [TestCase("::", "::")]
    [TestCase("::1", "::1")]
    [TestCase("1::", "1::")]
    [TestCase("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [TestCase("::ffff:192.168.1.1", "::ffff:c0a8:101")]
    [TestCase("10.254.10.252", "10.254.10.252")]
    public void Parses_and_formats_per_rfc5952(string input, string expected)
    {
        Assert.That(IpAddress.TryParse(input, out var address), Is.True);
        Assert.That(address.ToString(), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("1::2::3")]
    [TestCase("12345::")]
    [TestCase("1:2:3:4:5:6:7:8:9")]
    [TestCase("1:2:3:4:5:6:7")]
    [TestCase("g::1")]
    [TestCase("256.1.1.1")]
    [TestCase("01.1.1.1")]
    [TestCase("1.1.1")]
    [TestCase("cafe")]
    public void Rejects_malformed_text(string input) => Assert.That(IpAddress.TryParse(input, out _), Is.False);

    [Test]
    public void Upper_case_form_matches_ios_show_run() =>
        Assert.That(IpAddress.Parse("fd5a:ceb9:ed8d:fefc::1").ToUpperString(), Is.EqualTo("FD5A:CEB9:ED8D:FEFC::1"));

    [Test]
    public void Uncompressed_form_matches_panos_nat_source() =>
        Assert.That(IpAddress.Parse("fd5a:ceb9:ed8d:fe0a::").ToUncompressedString(), Is.EqualTo("fd5a:ceb9:ed8d:fe0a:0:0:0:0"));

    [Test]
    public void Docker_mac_and_eui64_link_local_match_the_seed()
    {
        var mac = MacAddress.DockerFromIpv4(IpAddress.Parse("172.26.0.2"));
        Assert.That(mac.ToString(), Is.EqualTo("02:42:ac:1a:00:02"));
        Assert.That(mac.LinkLocal().ToString(), Is.EqualTo("fe80::42:acff:fe1a:2"));
    }

    [Test]
    public void Prefix_contains_and_host_bits()
    {
        var subnet = IpPrefix.Parse("fd5a:ceb9:ed8d:1::/64");
        Assert.That(subnet.Contains(IpAddress.Parse("fd5a:ceb9:ed8d:1::2")), Is.True);
        Assert.That(subnet.Contains(IpAddress.Parse("fd5a:ceb9:ed8d:2::2")), Is.False);
        Assert.That(subnet.HasHostBits, Is.False);
        Assert.That(IpPrefix.Parse("fd5a:ceb9:ed8d:1::1/64").HasHostBits, Is.True);
        Assert.That(subnet.Nth(1).ToString(), Is.EqualTo("fd5a:ceb9:ed8d:1::1"));
        Assert.That(IpPrefix.Parse("172.26.0.0/16").Nth(2).ToString(), Is.EqualTo("172.26.0.2"));
    }
}

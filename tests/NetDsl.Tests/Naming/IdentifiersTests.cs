using NetDsl.Naming;
using NUnit.Framework;

namespace NetDsl.Tests.Naming;

public class IdentifiersTests
{
    [TestCase("br_ipv6_nw", "BrIpv6Nw")]
    [TestCase("ethernet1/1.999", "Ethernet11999")]
    [TestCase("DNS_GOOGLE", "DnsGoogle")]
    [TestCase("ROUTINGPREFIX", "Routingprefix")]
    [TestCase("CNT01_IMAGE", "Cnt01Image")]
    [TestCase("nat66_NPTv6_to_internet", "Nat66NPTv6ToInternet")]
    [TestCase("FWdc01", "FWdc01")]
    [TestCase("dns.google", "DnsGoogle")]
    [TestCase("1st", "_1st")]
    [TestCase("---", "_")]
    [TestCase("A", "A")]
    public void Names_become_pascal_case_identifiers(string name, string expected) =>
        Assert.That(Identifiers.ToPascalCase(name), Is.EqualTo(expected));

    [Test]
    public void Names_differing_only_in_separators_or_shouting_collide() =>
        Assert.That(Identifiers.ToPascalCase("br-x"), Is.EqualTo(Identifiers.ToPascalCase("br_x")));
}

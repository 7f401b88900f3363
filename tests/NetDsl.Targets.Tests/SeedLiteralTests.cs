using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>The lines the write-up typed by hand appear verbatim in what NetDsl renders for it.</summary>
public class SeedLiteralTests
{
    [TestCase("Rdc01/Rdc01.ios", "ipv6 route ::/0 Vlan252 FD5A:CEB9:ED8D:FEFC::1\n")]
    [TestCase("Rdc01/Rdc01.ios", "ipv6 unicast-routing\n")]
    [TestCase("dockerhost/netdsl.nft", "oifname != \"lo\" masquerade\n")]
    [TestCase("dockerhost/daemon.json", "\"fixed-cidr-v6\": \"2001:db8:1::/64\"")]
    [TestCase("dockerhost/daemon.json", "\"ipv6\": true")]
    [TestCase("FWdc01/FWdc01.panos", "set rulebase nat rules nat66_NPTv6_to_internet nat-type nptv6\n")]
    [TestCase("FWdc01/FWdc01.panos", "fd5a:ceb9:ed8d:fe0a::/64")]
    [TestCase("FWdc01/FWdc01.panos", "set rulebase nat rules nat66_NPTv6_to_internet from zTrust\n")]
    [TestCase("FWdc01/FWdc01.panos", "set rulebase nat rules nat66_NPTv6_to_internet to zUntrust\n")]
    [TestCase("FWdc01/FWdc01.panos", "set rulebase nat rules nat66_NPTv6_to_internet to-interface ethernet1/1.999\n")]
    [TestCase("FWdc01/FWdc01.panos", "source-translation static-ip translated-address 2001:db8:ff00:ff66::/64\n")]
    public void Artifact_contains_the_seed_line(string relativePath, string literal) =>
        Assert.That(SquidExample.Artifact(relativePath).Content, Does.Contain(literal));

    [Test]
    public void Daemon_json_is_the_seed_file_exactly() =>
        Assert.That(SquidExample.Artifact("dockerhost/daemon.json").Content,
            Is.EqualTo("{\n  \"ipv6\": true,\n  \"fixed-cidr-v6\": \"2001:db8:1::/64\"\n}\n"));
}

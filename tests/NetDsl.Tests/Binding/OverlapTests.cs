using System.Linq;
using NUnit.Framework;

namespace NetDsl.Tests.Binding;

/// <summary>NDSL2006: overlapping subnets on one host, found by a sorted sweep.</summary>
public class OverlapTests
{
    private static string[] Overlaps(string networks) =>
        TestCompile.Compile("docker-host h { daemon { ipv6 true  fixed-cidr-v6 fd00:ff::/64 } }\ndocker-host g { }\n" + networks)
            .Diagnostics.Where(d => d.Id == "NDSL2006").Select(d => d.Message).ToArray();

    [Test]
    public void Adjacent_subnets_do_not_overlap() =>
        Assert.That(Overlaps("network a on h { subnet fd00:1::/64  subnet 10.0.0.0/24 }\nnetwork b on h { subnet fd00:1:0:1::/64  subnet 10.0.1.0/24 }\n"), Is.Empty);

    [Test]
    public void A_wide_subnet_declared_later_is_reported_against_the_earlier_narrow_one() =>
        Assert.That(Overlaps("network a on h { subnet fd00:1:0:5::/64 }\nnetwork b on h { subnet fd00:1::/48 }\n"),
            Is.EqualTo(new[] { "Network b fd00:1::/48 overlaps network a fd00:1:0:5::/64 on host 'h'." }));

    [Test]
    public void Ipv4_overlaps_are_found_and_families_do_not_mix() =>
        Assert.That(Overlaps("network a on h { subnet fd00:1::/64  subnet 10.0.0.0/16 }\nnetwork b on h { subnet fd00:2::/64  subnet 10.0.200.0/24 }\n"),
            Is.EqualTo(new[] { "Network b 10.0.200.0/24 overlaps network a 10.0.0.0/16 on host 'h'." }));

    [Test]
    public void Fixed_cidr_v6_counts_and_other_hosts_do_not() =>
        Assert.That(Overlaps("network a on h { subnet fd00:ff::/64 }\nnetwork b on g { subnet fd00:ff::/64 }\n"),
            Is.EqualTo(new[] { "Network a fd00:ff::/64 overlaps fixed-cidr-v6 fd00:ff::/64 on host 'h'." }));

    [Test]
    public void A_thousand_disjoint_networks_have_no_overlap() =>
        Assert.That(NetDslCompiler.Compile(NetDsl.TestSupport.LargeFiles.Generate(1000, 10)).Diagnostics.Where(d => d.Id == "NDSL2006"), Is.Empty);
}

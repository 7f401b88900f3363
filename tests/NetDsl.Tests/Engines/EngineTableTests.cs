using System.Collections.Generic;
using System.Linq;
using NetDsl.Engines;
using NUnit.Framework;

namespace NetDsl.Tests.Engines;

/// <summary>The engine table itself: every row sourced, no overlaps, each row's value where its range starts and ends.</summary>
public class EngineTableTests
{
    public static IEnumerable<TestCaseData> EveryRow() =>
        EngineTable.Facts.SelectMany(f => f.Rows.Select((r, i) => new TestCaseData(f, i).SetName($"Row {f.Name} #{i}: {r.Kind} {r.Versions} = {r.Value}")));

    [TestCaseSource(nameof(EveryRow))]
    public void Each_row_holds_at_both_ends_of_its_range_and_cites_a_source(IEngineFact fact, int index)
    {
        var row = fact.Rows[index];
        Assert.That(row.Source, Is.Not.Empty.And.Length.GreaterThan(10), "every row says where it comes from");
        var first = new EngineRelease(row.Kind, row.Versions.From);
        Assert.That(EngineTable.ValueText(fact, first), Is.EqualTo(row.Value), "at " + first);
        if (row.Versions.Until is { } until)
        {
            var last = until.Minor > 0 ? new EngineVersion(until.Major, until.Minor - 1) : new EngineVersion(until.Major - 1, 99);
            Assert.That(EngineTable.ValueText(fact, new EngineRelease(row.Kind, last)), Is.EqualTo(row.Value), "at " + last);
        }
    }

    [Test]
    public void Rows_of_one_kind_never_overlap()
    {
        foreach (var fact in EngineTable.Facts)
        {
            foreach (var kind in new[] { EngineKind.Docker, EngineKind.Podman })
            {
                var rows = fact.Rows.Where(r => r.Kind == kind).ToList();
                for (int i = 0; i < rows.Count; i++)
                    for (int j = i + 1; j < rows.Count; j++)
                        Assert.That(rows[i].Versions.Intersect(rows[j].Versions), Is.Null, $"{fact.Name}: {rows[i].Versions} and {rows[j].Versions} overlap");
            }
        }
    }

    [TestCase("docker 20.10", true, "02:42 + IPv4 (predicted)", true, true, true)]
    [TestCase("docker 26.1", true, "02:42 + IPv4 (predicted)", true, true, true)]
    [TestCase("docker 27.0", false, "02:42 + IPv4 (predicted)", false, true, false)]
    [TestCase("docker 27.5", false, "02:42 + IPv4 (predicted)", false, true, false)]
    [TestCase("docker 28.0", false, "random (observed)", false, false, false)]
    [TestCase("docker 29.2", false, "random (observed)", false, false, false)]
    [TestCase("podman 4.3", false, "random (observed)", false, false, false)]
    public void Todays_rows(string engine, bool fe80Colon1, string mac, bool ip6tablesNeedsExperimental, bool ipv6NeedsFixedCidr, bool ipv6OnlyPoolsStop)
    {
        var release = Parse(engine);
        Assert.That(EngineTable.BridgeGetsFe80Colon1.For(release, !fe80Colon1), Is.EqualTo(fe80Colon1));
        Assert.That(EngineTable.ContainerMacs.Describe(EngineTable.ContainerMacs.For(release, ContainerMac.Random)), Is.EqualTo(mac));
        Assert.That(EngineTable.Ip6TablesNeedsExperimental.For(release, false), Is.EqualTo(ip6tablesNeedsExperimental));
        Assert.That(EngineTable.Ipv6NeedsFixedCidrV6.For(release, false), Is.EqualTo(ipv6NeedsFixedCidr));
        Assert.That(EngineTable.Ipv6OnlyPoolsStopEngine.For(release, false), Is.EqualTo(ipv6OnlyPoolsStop));
    }

    [TestCase("docker 20.10", true)]
    [TestCase("docker 29.9", true)]
    [TestCase("docker 30.0", false)]
    [TestCase("docker 19.3", false)]
    [TestCase("podman 4.3", true)]
    [TestCase("podman 4.9", true)]
    [TestCase("podman 5.0", false)]
    [TestCase("podman 4.2", false)]
    public void Modelled_releases(string engine, bool modelled) =>
        Assert.That(EngineTable.Modelled.For(Parse(engine), false), Is.EqualTo(modelled));

    [Test]
    public void Gateway_modes_grow_with_the_version()
    {
        Assert.That(EngineTable.GatewayModes.For(Parse("docker 26.1"), new[] { "?" }), Is.Empty);
        Assert.That(EngineTable.GatewayModes.For(Parse("docker 27.3"), new[] { "?" }), Is.EqualTo(new[] { "nat", "routed" }));
        Assert.That(EngineTable.GatewayModes.For(Parse("docker 28.0"), new[] { "?" }), Is.EquivalentTo(new[] { "nat", "nat-unprotected", "routed", "isolated" }));
    }

    [Test]
    public void Differences_name_what_the_declared_engine_gets_wrong_on_the_running_one()
    {
        var diffs = EngineTable.Differences(EngineRelease.Docker(20, 10), EngineRelease.Docker(28, 3));
        Assert.That(diffs, Has.Some.StartsWith("container MAC: 02:42 + IPv4 (predicted) on docker 20.10, random (observed) on docker 28.3"));
        Assert.That(diffs, Has.Some.StartsWith("bridge fe80::1: fe80::1/64 and the kernel's (predicted) on docker 20.10, the kernel's only (observed) on docker 28.3"));
        Assert.That(EngineTable.Differences(EngineRelease.Docker(20, 10), EngineRelease.Docker(20, 10)), Is.Empty);
        Assert.That(EngineTable.Differences(EngineRelease.Docker(28, 0), EngineRelease.Docker(28, 5)), Is.Empty, "no row changes within 28.x");
    }

    [TestCase("20.10", 20, 10)]
    [TestCase("28.3", 28, 3)]
    [TestCase("28.3.1", 28, 3)]
    [TestCase("20.10.24+dfsg1", 20, 10)]
    [TestCase("29.0-rc1", 29, 0)]
    [TestCase("4.3.1", 4, 3)]
    public void Versions_are_read_as_major_minor(string text, int major, int minor)
    {
        Assert.That(EngineVersion.TryParse(text, out var v), Is.True);
        Assert.That(v, Is.EqualTo(new EngineVersion(major, minor)));
    }

    [TestCase("")]
    [TestCase("28")]
    [TestCase("28.x")]
    [TestCase("v28.3")]
    [TestCase("28.3x")]
    [TestCase("99999.1")]
    public void Non_versions_are_refused(string text) => Assert.That(EngineVersion.TryParse(text, out _), Is.False);

    [Test]
    public void Versions_print_as_the_engine_writes_them()
    {
        Assert.That(new EngineVersion(20, 10).ToString(), Is.EqualTo("20.10"));
        Assert.That(new EngineVersion(28, 3).ToString(), Is.EqualTo("28.3"));
        Assert.That(EngineRelease.Podman(4, 3).ToString(), Is.EqualTo("podman 4.3"));
        Assert.That(VersionRange.Between(20, 10, 27, 0).ToString(), Is.EqualTo("20.10–26.x"));
        Assert.That(VersionRange.Since(28, 0).ToString(), Is.EqualTo("28.0 and later"));
    }

    internal static EngineRelease Parse(string text)
    {
        var parts = text.Split(' ');
        Assert.That(EngineVersion.TryParse(parts[1], out var v), Is.True);
        return new EngineRelease(parts[0] == "podman" ? EngineKind.Podman : EngineKind.Docker, v);
    }
}

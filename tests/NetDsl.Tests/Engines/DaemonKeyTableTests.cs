using System.Linq;
using NetDsl.Addressing;
using NetDsl.Engines;
using NetDsl.Model;
using NUnit.Framework;

namespace NetDsl.Tests.Engines;

/// <summary>The daemon.json key list: one list, unique names, and the keys the language writes mapped to it.</summary>
public class DaemonKeyTableTests
{
    [Test]
    public void Key_names_are_unique_and_sourced()
    {
        var names = EngineTable.DaemonKeys.Select(k => k.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(EngineTable.DaemonKeys.Where(k => k.Source.Length < 10).Select(k => k.Name), Is.Empty);
    }

    [Test]
    public void Every_setting_of_the_daemon_block_writes_one_known_key()
    {
        var block = NetDsl.Syntax.Shapes.TopLevel.Single(s => s.Keyword == "docker-host").Body!.Settings.Single(s => s.Keyword == "daemon").Body!;
        foreach (var setting in block.Settings)
            Assert.That(EngineTable.FindDaemonKeyForSetting(setting.Keyword), Is.Not.Null, "daemon setting " + setting.Keyword);
    }

    [Test]
    public void Restart_only_keys_the_file_sets_come_from_the_table()
    {
        var all = new DaemonSettings(true, IpPrefix.Parse("2001:db8:1::/64"), true, true, true,
            new[] { new AddressPool(IpPrefix.Parse("172.80.0.0/16"), 24) }.ToEquatableArray(), false, IpPrefix.Parse("2001:db8:2::1/64"), "nftables", default);
        var entries = all.Entries().ToList();
        Assert.That(entries.Select(e => e.Key.Name), Is.EqualTo(new[]
            { "ipv6", "fixed-cidr-v6", "ip6tables", "experimental", "live-restore", "default-address-pools", "iptables", "bip6", "firewall-backend" }));
        Assert.That(entries.Where(e => !e.Key.NeedsRestart).Select(e => e.Key.Name), Is.EqualTo(new[] { "live-restore" }), "a reload applies only live-restore");
        Assert.That(DaemonSettings.Empty.Entries(), Is.Empty);
    }

    [TestCase("bip6", "docker 27.5", false)]
    [TestCase("bip6", "docker 28.0", true)]
    [TestCase("graph", "docker 20.10", true)]
    [TestCase("graph", "docker 23.0", false)]
    [TestCase("firewall-backend", "docker 28.5", false)]
    [TestCase("firewall-backend", "docker 29.0", true)]
    [TestCase("ipv6", "podman 4.3", false)]
    public void Keys_are_known_per_version(string key, string engine, bool known) =>
        Assert.That(EngineTable.FindDaemonKey(key)!.KnownOn(EngineTableTests.Parse(engine)), Is.EqualTo(known));

    [Test]
    public void Unknown_names_are_not_keys() => Assert.That(EngineTable.FindDaemonKey("ipv7"), Is.Null);
}

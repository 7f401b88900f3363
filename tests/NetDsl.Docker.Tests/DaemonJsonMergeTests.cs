using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.Docker.DaemonJson;
using NetDsl.Model;
using NUnit.Framework;
using UnixFileMode = System.IO.UnixFileMode;

namespace NetDsl.Docker.Tests;

public class DaemonJsonMergeTests
{
    private static DaemonSettings Seed => TestModels.Squid().Hosts[0].Daemon;

    [Test]
    public void Keeps_every_key_it_does_not_own_and_appends_its_own()
    {
        const string existing = "{\n  \"log-level\": \"warn\",\n  \"registry-mirrors\": [\"https://m.example\"],\n  \"ipv6\": false\n}\n";
        var r = DaemonJsonMerge.Merge(existing, Seed);
        Assert.That(r.Error, Is.Null);
        var json = JsonNode.Parse(r.Text)!.AsObject();
        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "log-level", "registry-mirrors", "ipv6", "fixed-cidr-v6" }));
        Assert.That(json["registry-mirrors"]![0]!.GetValue<string>(), Is.EqualTo("https://m.example"));
        Assert.That(json["ipv6"]!.GetValue<bool>(), Is.True);
        Assert.That(r.Changes.Select(c => c.ToString()), Is.EqualTo(new[] { "~ \"ipv6\": false -> true", "+ \"fixed-cidr-v6\": \"2001:db8:1::/64\"" }));
        Assert.That(r.RestartKeys, Is.EqualTo(new[] { "ipv6", "fixed-cidr-v6" }));
    }

    [Test]
    public void Unchanged_file_keeps_its_bytes_and_needs_no_restart()
    {
        const string existing = "{ \"ipv6\": true, \"fixed-cidr-v6\": \"2001:db8:1::/64\", \"debug\": true }";
        var r = DaemonJsonMerge.Merge(existing, Seed);
        Assert.That(r.Changed, Is.False);
        Assert.That(r.Text, Is.EqualTo(existing));
        Assert.That(r.RestartKeys, Is.Empty);
    }

    [Test]
    public void Live_restore_alone_needs_no_restart()
    {
        var r = DaemonJsonMerge.Merge("{}", DaemonSettings.Empty with { LiveRestore = true });
        Assert.That(r.Changes.Single().Key, Is.EqualTo("live-restore"));
        Assert.That(r.RestartKeys, Is.Empty);
    }

    [TestCase("{ \"ipv6\": tru")]
    [TestCase("[1, 2]")]
    [TestCase("\"text\"")]
    [TestCase("{\"ipv6\": false, \"ipv6\": true}")]     // found with the daemon-json fuzz target: threw ArgumentException
    [TestCase("{\"log-opts\": {\"a\": 1, \"a\": 2}}")]
    public void Malformed_file_is_an_error(string existing)
    {
        var r = DaemonJsonMerge.Merge(existing, Seed);
        Assert.That(r.Error, Does.Contain("daemon.json"));
        Assert.That(r.Error, Does.Contain("untouched"));
    }

    [Test]
    public void Missing_file_becomes_a_file_with_only_owned_keys()
    {
        var r = DaemonJsonMerge.Merge(null, Seed);
        Assert.That(JsonNode.Parse(r.Text)!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "ipv6", "fixed-cidr-v6" }));
    }

    [Test]
    public async System.Threading.Tasks.Task Atomic_write_keeps_a_backup_and_leaves_no_temp_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-daemonjson-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "daemon.json");
            File.WriteAllText(path, "{\"debug\": true}");
            Assert.That(await DaemonJsonFile.WriteAtomicallyAsync(path, "{\"debug\": false}\n"), Is.Null);
            Assert.That(File.ReadAllText(path), Is.EqualTo("{\"debug\": false}\n"));
            Assert.That(File.ReadAllText(path + DaemonJsonFile.BackupSuffix), Is.EqualTo("{\"debug\": true}"));
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "daemon.json", "daemon.json" + DaemonJsonFile.BackupSuffix }));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestCase("{\n  // the uplink\n  \"ipv6\": true\n}", "comment at line 2")]
    [TestCase("{\n  \"debug\": true /* on */\n}", "comment at line 2")]
    public void A_file_with_comments_is_refused_with_the_line(string existing, string expected)
    {
        var r = DaemonJsonMerge.Merge(existing, Seed);
        Assert.That(r.Error, Does.Contain(expected));
        Assert.That(r.Error, Does.Contain("remove the comments"));
        Assert.That(r.Changed, Is.False);
    }

    [Test]
    public void A_key_given_twice_is_a_clear_error_not_a_crash()
    {
        var r = DaemonJsonMerge.Merge("{\n  \"ipv6\": false,\n  \"debug\": true,\n  \"ipv6\": true\n}", Seed);
        Assert.That(r.Error, Is.EqualTo("daemon.json has the key \"ipv6\" twice (lines 2 and 4); keep one of them, then apply again (NetDsl leaves the file untouched)"));
        var nested = DaemonJsonMerge.Merge("{ \"log-opts\": { \"a\": \"1\", \"a\": \"2\" } }", Seed);
        Assert.That(nested.Error, Does.Contain("\"a\" twice"));
        Assert.That(DaemonJsonMerge.Merge("{ \"a\": { \"x\": 1 }, \"b\": { \"x\": 1 } }", Seed).Error, Is.Null, "the same key in two objects is fine");
    }

    [Test]
    public async System.Threading.Tasks.Task A_symlink_is_followed_and_the_mode_is_kept()
    {
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-daemonjson-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "real"));
        try
        {
            string target = Path.Combine(dir, "real", "daemon.json");
            string link = Path.Combine(dir, "daemon.json");
            File.WriteAllText(target, "{\"debug\": true}");
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.CreateSymbolicLink(link, target);
            Assert.That(await DaemonJsonFile.WriteAtomicallyAsync(link, "{\"debug\": false}\n"), Is.Null);
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the link is still a link");
            Assert.That(File.ReadAllText(target), Is.EqualTo("{\"debug\": false}\n"));
            Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.ReadAllText(link + DaemonJsonFile.BackupSuffix), Is.EqualTo("{\"debug\": true}"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

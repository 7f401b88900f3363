using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.Addressing;
using NetDsl.Docker.Apply;
using NetDsl.Docker.DaemonJson;
using NetDsl.Engines;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

/// <summary>
/// The merged daemon.json held against the engine table for the engine's real release. The quoted dockerd messages
/// are dockerd 20.10.24's own (measured: `dockerd --config-file` with each file printed them and exited).
/// </summary>
public class DaemonKeyCheckTests
{
    private static IReadOnlyList<DaemonKeyProblem> Check(string text, EngineRelease? release) =>
        DaemonKeyCheck.Check(text, JsonNode.Parse(text)!.AsObject(), release, "/etc/docker/daemon.json");

    [Test]
    public void An_unknown_key_names_itself_its_line_dockerds_refusal_and_the_fix()
    {
        var p = Check("{\n  \"log-level\": \"warn\",\n  \"no-such-option\": true\n}\n", EngineRelease.Docker(20, 10)).Single();
        Assert.That(p.Key, Is.EqualTo("no-such-option"));
        Assert.That(p.Line, Is.EqualTo(3));
        Assert.That(p.Message, Does.StartWith("daemon.json \"no-such-option\" (line 3 of /etc/docker/daemon.json): Docker 20.10 does not know this key (no Docker version knows it)"));
        Assert.That(p.Message, Does.Contain("(\"the following directives don't match any configuration option: no-such-option\")"));
        Assert.That(p.Message, Does.Contain("remove or correct that line"));
    }

    [Test]
    public void A_key_of_a_later_release_is_unknown_to_the_running_one_and_known_to_it()
    {
        const string text = "{ \"bip6\": \"fd00:1::1/64\" }";
        Assert.That(Check(text, EngineRelease.Docker(20, 10)).Single().Message, Does.Contain("Docker 20.10 does not know this key (only Docker 28.0 and later knows it)"));
        Assert.That(Check(text, EngineRelease.Docker(28, 3)), Is.Empty);
        // A removed key: graph is gone in 23.0.
        Assert.That(Check("{ \"graph\": \"/var/lib/docker\" }", EngineRelease.Docker(25, 0)).Single().Key, Is.EqualTo("graph"));
    }

    [TestCase("{\n\"ipv6\": \"yes\"\n}", "ipv6", 2, "json: cannot unmarshal string into Go struct field Config.ipv6 of type bool", "true or false without quotes")]
    [TestCase("{ \"mtu\": \"1500\" }", "mtu", 1, "json: cannot unmarshal string into Go struct field Config.mtu of type int", "a whole number")]
    [TestCase("{ \"mtu\": 1500.5 }", "mtu", 1, "json: cannot unmarshal number 1500.5 into Go struct field Config.mtu of type int", "a whole number")]
    [TestCase("{ \"dns\": \"1.1.1.1\" }", "dns", 1, "json: cannot unmarshal string into Go struct field Config.dns of type []string", "an array")]
    [TestCase("{ \"dns\": [\"1.1.1.1\", 53] }", "dns", 1, "json: cannot unmarshal number into Go struct field Config.dns of type string", "an array")]
    [TestCase("{ \"default-address-pools\": \"x\" }", "default-address-pools", 1, "json: cannot unmarshal string into Go struct field Config.default-address-pools of type", "\"base\"")]
    public void A_value_of_the_wrong_type_quotes_gos_error(string text, string key, int line, string go, string fix)
    {
        var p = Check(text, EngineRelease.Docker(20, 10)).Single();
        Assert.That(p.Key, Is.EqualTo(key));
        Assert.That(p.Line, Is.EqualTo(line));
        Assert.That(p.Message, Does.Contain(go));
        Assert.That(p.Message, Does.Contain(fix));
    }

    [Test]
    public void Right_types_nulls_and_the_fixture_file_pass()
    {
        Assert.That(Check("{ \"ipv6\": true, \"mtu\": 1500, \"dns\": [\"1.1.1.1\"], \"log-opts\": {\"max-size\": \"1m\"}, \"debug\": null,"
                          + " \"default-address-pools\": [{\"base\": \"10.200.0.0/16\", \"size\": 24}], \"labels\": [\"a=b\"], \"shutdown-timeout\": 1 }",
            EngineRelease.Docker(20, 10)), Is.Empty);
    }

    [Test]
    public void Keys_netdsl_adds_have_no_line_and_unreadable_or_other_releases_judge_only_what_they_can()
    {
        var merged = JsonNode.Parse("{ \"log-level\": \"warn\", \"bip6\": \"fd00::1/64\" }")!.AsObject();
        Assert.That(DaemonKeyCheck.Check("{ \"log-level\": \"warn\" }", merged, EngineRelease.Docker(20, 10), "d.json").Single().Message, Does.Contain("(written by NetDsl)"));
        // Unknown release, or one beyond the table: names are not judged (a newer engine may know more), types are.
        Assert.That(Check("{ \"brand-new-key\": 1, \"ipv6\": \"yes\" }", null).Select(p => p.Key), Is.EqualTo(new[] { "ipv6" }));
        Assert.That(Check("{ \"brand-new-key\": 1 }", EngineRelease.Docker(31, 0)), Is.Empty);
        Assert.That(Check("{ \"brand-new-key\": 1 }", EngineRelease.Podman(4, 3)), Is.Empty);
    }

    [Test]
    public void Address_pools_overlapping_existing_networks_are_warnings_naming_both()
    {
        var merged = JsonNode.Parse("{ \"default-address-pools\": [{\"base\": \"10.98.0.0/16\", \"size\": 24}, {\"base\": \"10.201.0.0/16\", \"size\": 24}] }")!.AsObject();
        IpPrefix.TryParse("10.98.0.0/24", out var taken);
        var warnings = Preflight.PoolOverlaps(new[] { ("unrelated_nw", new List<IpPrefix> { taken }) }, merged);
        Assert.That(warnings.Single(), Does.StartWith("daemon.json default-address-pools: pool 10.98.0.0/16 overlaps 10.98.0.0/24 of network unrelated_nw"));
    }
}

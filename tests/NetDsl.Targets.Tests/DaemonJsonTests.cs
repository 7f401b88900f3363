using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

public class DaemonJsonTests
{
    [Test]
    public void Owned_keys_come_in_a_fixed_order_and_unset_ones_are_absent()
    {
        var settings = new DaemonSettings(true, IpPrefix.Parse("2001:db8:1::/64"), true, true, null,
            EquatableArray.Of(new AddressPool(IpPrefix.Parse("fd00:1::/48"), 64)), null, null, null, default);
        var keys = DaemonJson.OwnedKeys(settings);

        Assert.That(keys.Select(p => p.Key), Is.EqualTo(new[] { "ipv6", "fixed-cidr-v6", "ip6tables", "experimental", "default-address-pools" }));
        Assert.That(DaemonJson.Format(keys), Is.EqualTo(
            "{\n  \"ipv6\": true,\n  \"fixed-cidr-v6\": \"2001:db8:1::/64\",\n  \"ip6tables\": true,\n  \"experimental\": true,\n" +
            "  \"default-address-pools\": [\n    {\n      \"base\": \"fd00:1::/48\",\n      \"size\": 64\n    }\n  ]\n}\n"));
    }

    [Test]
    public void Empty_settings_own_no_key_and_render_no_file()
    {
        Assert.That(DaemonJson.OwnedKeys(DaemonSettings.Empty), Is.Empty);
        var model = SquidExample.Model();
        var host = model.Hosts[0] with { Daemon = DaemonSettings.Empty };
        Assert.That(new DaemonJsonRenderer().Render(model with { Hosts = EquatableArray.Of(host) }).Artifacts, Is.Empty);
    }

    [Test]
    public void Owned_keys_merge_into_an_existing_file_without_losing_its_keys()
    {
        var existing = System.Text.Json.Nodes.JsonNode.Parse("{\"log-driver\": \"journald\", \"ipv6\": false}")!.AsObject();
        foreach (var (key, value) in DaemonJson.OwnedKeys(SquidExample.Model().Hosts[0].Daemon))
            existing[key] = value?.DeepClone();
        Assert.That(DaemonJson.Format(existing), Is.EqualTo(
            "{\n  \"log-driver\": \"journald\",\n  \"ipv6\": true,\n  \"fixed-cidr-v6\": \"2001:db8:1::/64\"\n}\n"));
    }
}

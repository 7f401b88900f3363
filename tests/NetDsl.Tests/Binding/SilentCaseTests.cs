using System.Linq;
using NUnit.Framework;

namespace NetDsl.Tests.Binding;

/// <summary>Files `check` used to accept without a word, though the host, engine or device would not.</summary>
public class SilentCaseTests
{
    private static string[] Errors(string text) => TestCompile.Compile(text).Ids(NetDsl.Diagnostics.Severity.Error).ToArray();

    [TestCase("ff05::/64")]
    [TestCase("::/0")]
    [TestCase("::ffff:0:0/96")]
    [TestCase("::ffff:192.0.2.0/120")]
    [TestCase("f000::/4")]
    [TestCase("224.1.0.0/16")]
    [TestCase("127.0.0.0/24")]
    [TestCase("0.0.0.0/0")]
    public void A_network_subnet_that_is_not_unicast_is_refused(string subnet)
    {
        var text = "docker-host h { }\nnetwork n on h { subnet fd00:1::/64  subnet " + subnet + " }\n";
        if (!subnet.Contains('.')) text = "docker-host h { }\nnetwork n on h { subnet " + subnet + " }\n";
        Assert.That(Errors(text), Is.EqualTo(new[] { "NDSL2011" }));
    }

    [Test]
    public void Fixed_cidr_and_address_pools_must_be_unicast_too()
    {
        Assert.That(Errors("docker-host h { daemon { ipv6 true  fixed-cidr-v6 ff05::/64 } }\n"), Is.EqualTo(new[] { "NDSL2011" }));
        Assert.That(Errors("docker-host h { daemon { default-address-pool ::/0 size 64 } }\n"), Is.EqualTo(new[] { "NDSL2011" }));
    }

    [Test]
    public void A_host_interface_name_longer_than_15_characters_is_refused()
    {
        Assert.That(Errors("docker-host h { interface abcdefghijklmnop address fd00::5/64 }\n"), Is.EqualTo(new[] { "NDSL3010" }));
        Assert.That(Errors("docker-host h { interface abcdefghijklmno address fd00::5/64 }\n"), Is.Empty, "15 characters is fine");
        Assert.That(Errors("router r ios { interface GigabitEthernet1/0/24.100 address fd00::1/64 }\n"), Is.Empty, "IOS names are not Linux names");
    }

    [Test]
    public void An_ios_interface_is_a_type_and_a_number()
    {
        Assert.That(Errors("router r ios { interface uplink address fd00::1/64 }\n"), Is.EqualTo(new[] { "NDSL1003" }));
        Assert.That(Errors("router r ios { interface GigabitEthernet0/0/1.100 address fd00::1/64  interface e0 address fd00:1::1/64 }\n"), Is.Empty);
    }

    [Test]
    public void A_panos_zone_has_at_most_31_characters()
    {
        string zone = new string('z', 32);
        Assert.That(Errors($"firewall f panos {{ interface ethernet1/1 zone {zone} address fd00::1/64 }}\n"), Is.EqualTo(new[] { "NDSL1003" }));
        Assert.That(Errors($"firewall f panos {{ interface ethernet1/1 zone {zone.Substring(1)} address fd00::1/64 }}\n"), Is.Empty);
    }

    [Test]
    public void A_masquerade_on_an_interface_the_host_does_not_have_is_refused()
    {
        var result = TestCompile.Compile("docker-host h { interface ens192 address fd00::5/64  masquerade ipv6 out ens912 }\n");
        Assert.That(result.Ids(), Is.EqualTo(new[] { "NDSL4003" }));
        Assert.That(result.Errors.Single().Message, Does.Contain("Did you mean 'ens192'?"));
        // The loopback, docker0 and the bridges of the host's networks exist without being declared.
        Assert.That(Errors("docker-host h { masquerade ipv6 out-not lo }\n"), Is.Empty);
        Assert.That(Errors("docker-host h { masquerade ipv6 out-not docker0 }\n"), Is.Empty);
        Assert.That(Errors("docker-host h { masquerade ipv6 out br_x }\nnetwork n on h { subnet fd00:1::/64  bridge-name br_x }\n"), Is.Empty);
    }

    [Test]
    public void A_route_via_the_devices_own_address_is_refused()
    {
        Assert.That(Errors("router r ios { interface e0 address fd00::1/64  route ::/0 via fd00::1 }\n"), Is.EqualTo(new[] { "NDSL4005" }));
        Assert.That(Errors("router r ios { interface e0 address fd00::1/64 link-local fe80::1  route ::/0 via e0 fe80::1 }\n"), Is.EqualTo(new[] { "NDSL4005" }));
        Assert.That(Errors("docker-host h { interface eth0 address fd00::5/64  route ::/0 via fd00::5 }\n"), Is.EqualTo(new[] { "NDSL4005" }));
    }

    [Test]
    public void Invalid_utf8_is_reported_once_per_line_with_a_count()
    {
        var result = TestCompile.Compile("docker-host h { }\n# caf\uFFFD \uFFFD\nnetwork n on h { subnet fd00:1::/64 }\n");
        var d = result.Diagnostics.Single();
        Assert.That((d.Id, result.Locate(d.Span).Line, result.Locate(d.Span).Column), Is.EqualTo(("NDSL0010", 2, 6)));
        Assert.That(d.Message, Does.Contain("2 byte sequence(s)"));
    }

    [Test]
    public void A_bidi_override_is_refused_even_in_a_comment()
    {
        Assert.That(Errors("docker-host h { }  # \u202Eevil\n"), Is.EqualTo(new[] { "NDSL0011" }));
        Assert.That(Errors("docker-host h { }\nnetwork n on h { subnet fd00:1::/64 }\ncontainer c on n { image \"busybox\u2066\" }\n"), Is.EqualTo(new[] { "NDSL0011" }));
    }

    [TestCase("")]
    [TestCase("\n\n   \n")]
    [TestCase("# nothing yet\n")]
    public void An_empty_file_says_so(string text)
    {
        var result = TestCompile.Compile(text);
        Assert.That(result.Ids(), Is.EqualTo(new[] { "NDSL0012" }));
        Assert.That(result.HasErrors, Is.False, "a warning: an empty file is not wrong, only unlikely to be meant");
    }
}

/// <summary>An IPv4 ip-range was validated, then dropped: left out of the model, the artifacts and the predictions.</summary>
public class Ipv4IpRangeTests
{
    private const string File = "docker-host h { }\nnetwork n on h { subnet fd00:1::/64  subnet 172.26.0.0/16  ip-range 172.26.5.0/24 }\ncontainer c on n { image \"x\" }\n";

    [Test]
    public void The_range_is_in_the_model_and_the_prediction_comes_from_it()
    {
        var model = TestCompile.Compile(File).Model!;
        Assert.That(model.Networks[0].IpRange4?.ToString(), Is.EqualTo("172.26.5.0/24"));
        var ipv4 = model.Containers[0].Attachments[0].Ipv4!.Value;
        Assert.That(NetDsl.Addressing.IpPrefix.Parse("172.26.5.0/24").Contains(ipv4), Is.True, ipv4.ToString());
        Assert.That(NetDsl.Planning.SettingsFields.Of(model.Networks[0]).Select(f => f.Key), Does.Contain("ip-range4"));
    }
}

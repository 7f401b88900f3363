using System.Collections.Generic;
using System.Linq;
using NetDsl.Engines;
using NUnit.Framework;

namespace NetDsl.Tests.Engines;

/// <summary>`engine` with a kind, a bare version, a parameter; and the diagnostics the table drives, on their lines.</summary>
public class EngineBindingTests
{
    private const string Net = "network n on h { subnet fd00:1::/64  subnet 172.30.0.0/24 }\ncontainer c on n { image \"x\" }\n";

    private static EngineRelease EngineOf(string hostBody, IReadOnlyDictionary<string, string>? overrides = null, string prelude = "")
    {
        var result = TestCompile.Compile(prelude + "docker-host h { " + hostBody + " }\n" + Net, overrides);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return result.Model!.FindHost("h")!.Engine;
    }

    [TestCase("engine 20.10", "docker 20.10")]
    [TestCase("", "docker 20.10")]
    [TestCase("engine 28.3", "docker 28.3")]
    [TestCase("engine docker 28.3", "docker 28.3")]
    [TestCase("engine docker 28.3.1", "docker 28.3")]
    [TestCase("engine podman 4.3", "podman 4.3")]
    [TestCase("engine \"podman 4.3\"", "podman 4.3")]
    public void Engine_kinds_and_versions(string setting, string expected) => Assert.That(EngineOf(setting).ToString(), Is.EqualTo(expected));

    [Test]
    public void Engine_takes_a_parameter_and_an_override()
    {
        const string prelude = "let ENGINE = \"docker 28.3\"\n";
        Assert.That(EngineOf("engine ENGINE", prelude: prelude).ToString(), Is.EqualTo("docker 28.3"));
        Assert.That(EngineOf("engine ENGINE", new Dictionary<string, string> { ["ENGINE"] = "podman 4.3" }, prelude).ToString(), Is.EqualTo("podman 4.3"));
        Assert.That(EngineOf("engine ENGINE", new Dictionary<string, string> { ["ENGINE"] = "20.10" }, prelude).ToString(), Is.EqualTo("docker 20.10"));
        Assert.That(EngineOf("engine docker VERSION", prelude: "let VERSION = \"27.1\"\n").ToString(), Is.EqualTo("docker 27.1"));
    }

    [Test]
    public void Engine_29_is_modelled_and_30_is_a_warning()
    {
        Assert.That(TestCompile.Compile("docker-host h { engine 29.0 }\n").Ids(), Is.Empty);
        var warned = TestCompile.Compile("docker-host h { engine 30.1 }\n");
        Assert.That(warned.Ids(), Is.EqualTo(new[] { "NDSL3007" }));
        Assert.That(warned.Diagnostics.Single().Message, Does.Contain("Docker 30.1"));
        Assert.That(TestCompile.Compile("docker-host h { engine podman 5.0 }\n").Ids(), Is.EqualTo(new[] { "NDSL3007" }));
    }

    [Test]
    public void An_unknown_kind_is_an_error_on_the_kind()
    {
        var result = TestCompile.Compile("docker-host h {\n  engine moby 28.3\n}\n");
        var d = result.Diagnostics.Single();
        Assert.That(d.Id, Is.EqualTo("NDSL3201"));
        Assert.That((result.Locate(d.Span).Line, result.Locate(d.Span).Column), Is.EqualTo((2, 10)));
    }

    [TestCase("engine 28")]
    [TestCase("engine docker latest")]
    [TestCase("engine \"docker 28.3 extra\"")]
    public void A_version_that_is_not_one_is_an_error(string setting) =>
        Assert.That(TestCompile.Compile("docker-host h { " + setting + " }\n").Ids(NetDsl.Diagnostics.Severity.Error), Is.EqualTo(new[] { "NDSL0006" }));

    [Test]
    public void Podman_has_no_daemon_json()
    {
        var result = TestCompile.Compile("docker-host h {\n  engine podman 4.3\n  daemon { ipv6 true  fixed-cidr-v6 2001:db8:1::/64 }\n}\n");
        var d = result.Diagnostics.Single(x => x.Id == "NDSL3202");
        Assert.That(result.Locate(d.Span).Line, Is.EqualTo(3));
        Assert.That(d.Message, Does.Contain("Podman 4.3"));
    }

    [TestCase("20.10", true)]
    [TestCase("26.1", true)]
    [TestCase("27.0", false)]
    public void An_ipv6_only_address_pool_stops_docker_before_27(string version, bool error)
    {
        var text = $"docker-host h {{\n  engine {version}\n  daemon {{\n    default-address-pool fd00:100::/48 size 64\n  }}\n}}\n";
        var result = TestCompile.Compile(text);
        if (!error)
        {
            Assert.That(result.Ids(), Is.Empty);
            return;
        }
        var d = result.Diagnostics.Single();
        Assert.That(d.Id, Is.EqualTo("NDSL3203"));
        Assert.That(result.Locate(d.Span).Line, Is.EqualTo(4), "on the pool's line");
        Assert.That(d.Message, Does.Contain("Error creating default \"bridge\" network"));
        Assert.That(TestCompile.Compile(text.Replace("    default-address-pool fd00", "    default-address-pool 172.80.0.0/16 size 24\n    default-address-pool fd00")).Ids(), Is.Empty);
    }

    [TestCase("27.5", true)]
    [TestCase("28.0", false)]
    public void Ipv6_without_fixed_cidr_is_legal_from_28(string version, bool error) =>
        Assert.That(TestCompile.Compile($"docker-host h {{ engine {version}  daemon {{ ipv6 true }} }}\n").Ids(), error ? Is.EqualTo(new[] { "NDSL3002" }) : Is.Empty);

    [TestCase("docker 20.10", "fe80::1", "02:42:ac:1e:00:02")]
    [TestCase("docker 27.0", null, "02:42:ac:1e:00:02")]
    [TestCase("docker 28.0", null, null)]
    [TestCase("podman 4.3", null, null)]
    public void Predictions_follow_the_table(string engine, string? bridgeLinkLocal, string? mac)
    {
        var model = TestCompile.Compile("docker-host h { engine " + engine + " }\n" + Net).Model!;
        Assert.That(model.Networks.Single().Bridge.LinkLocal?.ToString(), Is.EqualTo(bridgeLinkLocal));
        var a = model.Containers.Single().Attachments.Single();
        Assert.That(a.Mac?.ToString(), Is.EqualTo(mac));
        Assert.That(a.LinkLocal is null, Is.EqualTo(mac is null), "the link-local is predicted exactly when the MAC is");
        Assert.That(a.Ipv4?.ToString(), Is.EqualTo("172.30.0.2"), "addresses are predicted (and pinned) on every engine");
    }

    [Test]
    public void An_ipv6_only_network_is_modelled_from_28()
    {
        var model = TestCompile.Compile("docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  ipv4 false }\ncontainer c on n { image \"x\" }\n").Model!;
        var n = model.Networks.Single();
        Assert.That(n.EnableIpv4, Is.False);
        Assert.That(NetDsl.Planning.SettingsFields.Of(n).Select(f => f.Key + "=" + f.Value), Does.Contain("enable-ipv4=false"));
        Assert.That(model.Containers.Single().Attachments.Single().Ipv4, Is.Null);
        var plan = NetDsl.Planning.VerifyPlanner.Plan(model);
        Assert.That(plan.Facts.OfType<NetDsl.Planning.NetworkFieldFact>().Select(f => f.Field + "=" + f.Expected), Does.Contain("EnableIpv4=false"));
        Assert.That(TestCompile.Compile("docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64 }\n").Model!.Networks.Single().EnableIpv4, Is.True);
    }
}

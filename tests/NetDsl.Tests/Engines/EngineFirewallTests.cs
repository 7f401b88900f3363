using System.Linq;
using NetDsl.Engines;
using NetDsl.Model;
using NUnit.Framework;

namespace NetDsl.Tests.Engines;

/// <summary>
/// The engine's own firewall as the table predicts it, per version, daemon settings and gateway mode. The 20.10 and
/// Podman rows are what <c>EngineFirewallOnRealEnginesTests</c> measures on the real engines; 27–29 are held to moby's
/// generated rule listings in <c>MobyRuleListingTests</c>.
/// </summary>
public class EngineFirewallTests
{
    private static (DockerHost Host, NetworkModel Model) Compile(string engine, string daemon = "", string networks = "network n1 on h { subnet fd00:1::/64  bridge-name br1 }\\nnetwork n2 on h { subnet fd00:2::/64 }\\n")
    {
        var result = TestCompile.Compile("docker-host h { engine " + engine + (daemon.Length > 0 ? "  daemon { " + daemon + " }" : "") + " }\n" + networks.Replace("\\n", "\n"));
        Assert.That(result.Errors.Select(e => e.ToString()), Is.Empty);
        return (result.Model!.Hosts[0], result.Model);
    }

    private static EngineFirewall Ipv6(string engine, string daemon = "", string? networks = null)
    {
        var (host, model) = networks is null ? Compile(engine, daemon) : Compile(engine, daemon, networks);
        return EngineFirewall.For(host, model.Networks, IpFamily.Ipv6);
    }

    [Test]
    public void Docker_20_10_makes_no_ip6tables_rules_by_default()
    {
        var fw = Ipv6("20.10");
        Assert.That(fw.Active, Is.False);
        Assert.That(fw.Bridges, Is.Empty);
        Assert.That(fw.Source, Does.Contain("off by default before 27.0"));
    }

    [Test]
    public void Docker_20_10_with_ip6tables_masquerades_isolates_and_sets_the_policy_to_drop()
    {
        var fw = Ipv6("20.10", "ip6tables true  experimental true");
        Assert.That(fw.Active && fw.PolicyDrop, Is.True);
        Assert.That(fw.Bridges.Select(b => (b.Network, b.Masquerade, b.Inbound, b.FromOtherBridges)), Is.EqualTo(new[]
        {
            ("n1", true, EngineInbound.ByPolicy, EngineInbound.Drop),
            ("n2", true, EngineInbound.ByPolicy, EngineInbound.Drop),
        }));
        Assert.That(fw.MasqueradeRule(fw.Bridges[0], "br1"), Is.EqualTo("-s fd00:1::/64 ! -o br1 -j MASQUERADE"));
    }

    [Test]
    public void Docker_27_turns_ip6tables_on_by_default_and_ip6tables_false_turns_it_off()
    {
        Assert.That(Ipv6("27.0").Active, Is.True);
        Assert.That(Ipv6("27.0").PolicyDrop, Is.True);
        Assert.That(Ipv6("27.0", "ip6tables false").Active, Is.False);
    }

    [Test]
    public void Docker_28_drops_unpublished_inbound_itself_and_sets_drop_only_when_it_enables_forwarding()
    {
        var fw = Ipv6("28.3");
        Assert.That(fw.PolicyDrop, Is.False, "apply turned IPv6 forwarding on before the networks; docker0 has no IPv6");
        Assert.That(Ipv6("28.3", "ipv6 true").PolicyDrop, Is.True, "docker0 with IPv6 makes dockerd turn forwarding on at its start");
        Assert.That(fw.Bridges.All(b => b.Inbound == EngineInbound.Drop), Is.True);
    }

    [Test]
    public void Gateway_modes_change_masquerade_and_inbound()
    {
        const string nets = "network r on h { subnet fd00:1::/64  gateway-mode ipv6 routed }\\nnetwork u on h { subnet fd00:2::/64  gateway-mode ipv6 nat-unprotected }\\nnetwork m on h { subnet fd00:3::/64  option com.docker.network.bridge.enable_ip_masquerade false }\\n";
        var fw = Ipv6("28.0", "", nets);
        Assert.That(fw.Bridges.Select(b => (b.Network, b.Mode, b.Masquerade, b.Inbound)), Is.EqualTo(new[]
        {
            ("r", GatewayMode.Routed, false, EngineInbound.IcmpOnly),
            ("u", GatewayMode.NatUnprotected, true, EngineInbound.Accept),
            ("m", GatewayMode.Nat, false, EngineInbound.Drop),
        }));
        var nft = Ipv6("29.0", "firewall-backend nftables", nets);
        Assert.That(nft.Backend, Is.EqualTo(FirewallBackend.Nftables));
        Assert.That(nft.MasqueradeRule(nft.Bridges[1], "bridge1"), Is.EqualTo("oifname != \"bridge1\" ip6 saddr fd00:2::/64 masquerade"));
    }

    [Test]
    public void Podman_masquerades_and_isolates_but_leaves_the_policy()
    {
        var fw = Ipv6("podman 4.3");
        Assert.That((fw.Active, fw.PolicyDrop, fw.Backend), Is.EqualTo((true, false, FirewallBackend.Netavark)));
        Assert.That(fw.Bridges.All(b => b.Masquerade && b.Inbound == EngineInbound.ByPolicy && b.FromOtherBridges == EngineInbound.Drop), Is.True);
    }

    [TestCase("20.10", "ip6tables true  experimental true", true)]
    [TestCase("20.10", "", false)]
    [TestCase("podman 4.3", null, true)]
    public void A_host_masquerade_that_duplicates_the_engines_is_a_warning_on_its_line(string engine, string? daemon, bool warned)
    {
        string text = "docker-host h {\n  engine " + engine + "\n" + (daemon is null ? "" : "  daemon { " + daemon + " }\n") + "  masquerade ipv6 out-not lo\n}\nnetwork n1 on h { subnet fd00:1::/64  bridge-name br1 }\n";
        var result = TestCompile.Compile(text);
        var d = result.Diagnostics.Where(x => x.Id == "NDSL3206").ToList();
        Assert.That(d.Count, Is.EqualTo(warned ? 1 : 0), string.Join("\n", result.Diagnostics));
        if (!warned) return;
        Assert.That(result.Locate(d[0].Span).Line, Is.EqualTo(engine == "20.10" ? 4 : 3));
        Assert.That(d[0].Message, Does.Contain("network n1"));
    }

    [TestCase("27.5", "bip6 2001:db8:2::1/64", "NDSL3204")]
    [TestCase("28.0", "bip6 2001:db8:2::1/64", null)]
    [TestCase("28.5", "firewall-backend nftables", "NDSL3204")]
    [TestCase("29.0", "firewall-backend nftables", null)]
    [TestCase("29.0", "firewall-backend pf", "NDSL0006")]
    [TestCase("28.0", "bip6 10.0.0.1/24", "NDSL2004")]
    public void New_daemon_keys_are_checked_against_the_declared_engine(string version, string daemon, string? id)
    {
        var result = TestCompile.Compile("docker-host h {\n  engine " + version + "\n  daemon {\n    " + daemon + "\n  }\n}\n");
        Assert.That(result.Ids(NetDsl.Diagnostics.Severity.Error), id is null ? Is.Empty : Is.EqualTo(new[] { id }));
        if (id == "NDSL3204") Assert.That(result.Locate(result.Diagnostics.Single().Span).Line, Is.EqualTo(4), "on the setting's line");
    }
}

using System.Linq;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>Files `check` accepts that `emit` used to refuse or render without part of what they say.</summary>
public class CheckThenEmitTests
{
    private static RenderResult Emit(string text)
    {
        var compiled = NetDslCompiler.Compile(text, "t.netdsl");
        Assert.That(compiled.HasErrors, Is.False, string.Join("\n", compiled.Diagnostics));
        return TargetSet.Render(compiled.Model!, TargetRegistry.All());
    }

    private static string Artifact(RenderResult result, string endsWith) => result.Artifacts.Single(a => a.RelativePath.EndsWith(endsWith, System.StringComparison.Ordinal)).Content;

    [Test]
    public void An_ios_interface_with_an_ipv4_address_renders()
    {
        var result = Emit("router r ios {\n  interface Vlan10 address 192.0.2.1/24 address fd00::1/64\n  route 0.0.0.0/0 via 192.0.2.254\n}\n");
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        var ios = Artifact(result, ".ios");
        Assert.That(ios, Does.Contain("ip address 192.0.2.1 255.255.255.0"));
        Assert.That(ios, Does.Contain("ip route 0.0.0.0 0.0.0.0 192.0.2.254"));
    }

    [Test]
    public void An_ipv4_ip_range_reaches_docker_sh_and_the_engine_api()
    {
        var result = Emit("docker-host h { }\nnetwork n on h { subnet fd00:1::/64  subnet 172.26.0.0/16  ip-range 172.26.5.0/24 }\n");
        Assert.That(result.HasErrors, Is.False);
        Assert.That(Artifact(result, "docker.sh"), Does.Contain("--ip-range=172.26.5.0/24"));
        Assert.That(result.Artifacts.Single(a => a.RelativePath.Contains("network-create")).Content, Does.Contain("\"IPRange\": \"172.26.5.0/24\""));
    }

    [Test]
    public void A_panos_interface_name_the_renderer_cannot_place_is_refused_by_check()
    {
        var compiled = NetDslCompiler.Compile("firewall f panos { interface port1 zone z address fd00::1/64 }\n", "t.netdsl");
        Assert.That(compiled.Errors.Select(e => e.Id), Is.EqualTo(new[] { "NDSL1003" }));
    }
}

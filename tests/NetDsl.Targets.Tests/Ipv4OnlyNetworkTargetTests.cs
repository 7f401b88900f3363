using System.Linq;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>An IPv4-only network is created without IPv6: docker.sh without --ipv6, the Engine API body with EnableIPv6 false.</summary>
public class Ipv4OnlyNetworkTargetTests
{
    private const string File = "docker-host h { }\nnetwork v4 on h { subnet 172.30.0.0/24  bridge-name br_v4 }\ncontainer a on v4 { image \"busybox\" }\n";

    private static RenderResult Render()
    {
        var result = NetDslCompiler.Compile(File, "v4.netdsl");
        Assert.That(result.Errors, Is.Empty);
        var rendered = TargetSet.Render(result.Model!, TargetRegistry.All());
        Assert.That(rendered.Errors, Is.Empty);
        return rendered;
    }

    [Test]
    public void Docker_sh_creates_the_network_without_ipv6()
    {
        string script = Render().Artifacts.Single(a => a.RelativePath == "h/docker.sh").Content;
        string create = script.Split('\n').Single(l => l.Contains("network create"));
        Assert.That(create, Does.Not.Contain("--ipv6"));
        Assert.That(create, Does.Contain("--subnet 172.30.0.0/24").Or.Contain("--subnet=172.30.0.0/24").Or.Contain("172.30.0.0/24"));
        Assert.That(script, Does.Contain("172.30.0.2"), "the container's IPv4 is pinned");
    }

    [Test]
    public void The_engine_api_body_says_EnableIPv6_false_and_has_only_an_ipv4_pool()
    {
        string body = Render().Artifacts.Single(a => a.RelativePath.Contains("network-create")).Content;
        Assert.That(body, Does.Contain("\"EnableIPv6\": false"));
        Assert.That(body, Does.Not.Contain("fd00"));
        Assert.That(body, Does.Contain("\"Subnet\": \"172.30.0.0/24\""));
        Assert.That(body, Does.Contain("\"Gateway\": \"172.30.0.1\""));
        string container = Render().Artifacts.Single(a => a.RelativePath.Contains("container-create")).Content;
        Assert.That(container, Does.Not.Contain("\"IPv6Address\""));
        Assert.That(container, Does.Contain("\"IPv4Address\": \"172.30.0.2\""));
    }
}

using System.Linq;
using System.Text.Json.Nodes;
using NetDsl.Targets.Docker;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

public class RendererTests
{
    [Test]
    public void Docker_script_has_the_seed_commands_with_addresses_pinned()
    {
        var script = new DockerScriptRenderer().Render(TestModels.Squid(TestModels.LabOverrides("centos:centos8"))).Artifacts.Single();
        Assert.That(script.RelativePath, Is.EqualTo("dockerhost/docker.sh"));
        Assert.That(script.Content, Does.Contain("\"$DOCKER\" network create --ipv6 --driver=bridge --subnet=172.26.0.0/16 --gateway=172.26.0.1 --subnet=fd5a:ceb9:ed8d:1::/64 --gateway=fd5a:ceb9:ed8d:1::1 br_ipv6_nw -o com.docker.network.bridge.name=br_ipv6_nw"));
        Assert.That(script.Content, Does.Contain("\"$DOCKER\" run --network br_ipv6_nw --ip6 fd5a:ceb9:ed8d:1::2 --ip 172.26.0.2 --name cnt01 -t -i -d"));
        Assert.That(script.Content, Does.Contain(" centos:centos8 /bin/sh >/dev/null"));
    }

    [TestCase("plain", "plain")]
    [TestCase("a b", "'a b'")]
    [TestCase("it's", "'it'\\''s'")]
    [TestCase("$(rm -rf /)", "'$(rm -rf /)'")]
    [TestCase("", "''")]
    public void Shell_quoting(string value, string quoted) => Assert.That(ShellQuote.Quote(value), Is.EqualTo(quoted));

    [Test]
    public void Command_with_spaces_is_quoted_in_the_script()
    {
        var overrides = TestModels.LabOverrides();
        overrides["CNT01_COMMAND"] = "[\"/bin/sh\", \"-c\", \"sleep 1000\"]";
        var script = new DockerScriptRenderer().Render(TestModels.Squid(overrides)).Artifacts.Single().Content;
        Assert.That(script, Does.Contain(" netdsl-busybox /bin/sh -c 'sleep 1000' >/dev/null"));
    }

    [Test]
    public void Engine_api_bodies_are_what_apply_sends()
    {
        var files = new EngineApiRenderer().Render(TestModels.Squid()).Artifacts.ToList();
        Assert.That(files.Select(f => f.RelativePath), Is.EqualTo(new[]
        {
            "dockerhost/engine-api.01-network-create.br_ipv6_nw.json", "dockerhost/engine-api.02-container-create.cnt01.json",
        }));
        var network = JsonNode.Parse(files[0].Content)!;
        Assert.That(network["EnableIPv6"]!.GetValue<bool>(), Is.True);
        Assert.That(network["IPAM"]!["Config"]![1]!["Subnet"]!.GetValue<string>(), Is.EqualTo("fd5a:ceb9:ed8d:1::/64"));
        Assert.That(network["Options"]!["com.docker.network.bridge.name"]!.GetValue<string>(), Is.EqualTo("br_ipv6_nw"));
        Assert.That(network["Labels"]!["io.netdsl.hash"]!.GetValue<string>(), Has.Length.EqualTo(16));
        var container = JsonNode.Parse(files[1].Content)!;
        Assert.That(container["NetworkingConfig"]!["EndpointsConfig"]!["br_ipv6_nw"]!["IPAMConfig"]!["IPv6Address"]!.GetValue<string>(), Is.EqualTo("fd5a:ceb9:ed8d:1::2"));
        Assert.That(container["Tty"]!.GetValue<bool>() && container["OpenStdin"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void Rendering_is_deterministic()
    {
        var a = new EngineApiRenderer().Render(TestModels.Squid()).Artifacts.Concat(new DockerScriptRenderer().Render(TestModels.Squid()).Artifacts).ToList();
        var b = new EngineApiRenderer().Render(TestModels.Squid()).Artifacts.Concat(new DockerScriptRenderer().Render(TestModels.Squid()).Artifacts).ToList();
        Assert.That(a, Is.EqualTo(b));
    }
}

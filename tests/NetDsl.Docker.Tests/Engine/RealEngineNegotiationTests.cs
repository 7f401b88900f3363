using System;
using System.Threading.Tasks;
using NetDsl.Docker.Engine;
using NetDsl.Engines;
using NetDsl.Lab.Docker;
using NetDsl.Lab.Podman;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Engine;

/// <summary>API negotiation against the real engines of Debian 12: docker.io 20.10 and podman 4.3, each private.</summary>
[NonParallelizable]
public class RealEngineNegotiationTests
{
    [Test]
    public async Task Debian_dockerd_20_10_is_spoken_to_at_API_1_41()
    {
        LabRequirement.RequireDockerd();
        await using var dockerd = await PrivateDockerd.StartAsync("ndsl-en-dk-" + Environment.ProcessId, "{}\n");
        using var engine = new EngineClient(EngineEndpoint.Resolve(dockerd.Host, out _)!);
        var identity = await engine.ConnectAsync();
        Assert.That(identity.Release, Is.EqualTo(EngineRelease.Docker(20, 10)));
        Assert.That(identity.Api, Is.EqualTo(new System.Version(1, 41)));
        Assert.That(identity.MinApi, Is.EqualTo(new System.Version(1, 12)));
        Assert.That(await engine.Docker.Networks.ListNetworksAsync(new global::Docker.DotNet.Models.NetworksListParameters()), Is.Not.Empty, "bridge, host, none");
    }

    [Test]
    public async Task Debian_podman_4_3_is_spoken_to_at_API_1_41_and_knows_itself_as_Podman()
    {
        LabRequirement.RequirePodman();
        await using var podman = await PrivatePodman.StartAsync("ndsl-en-pm-" + Environment.ProcessId);
        using var engine = new EngineClient(EngineEndpoint.Resolve(podman.Host, out _)!);
        var identity = await engine.ConnectAsync();
        Assert.That(identity.Release, Is.EqualTo(EngineRelease.Podman(4, 3)));
        Assert.That(identity.Api, Is.EqualTo(new System.Version(1, 41)));
        Assert.That(identity.MinApi, Is.EqualTo(new System.Version(1, 24)));
        Assert.That(identity.ToString(), Does.StartWith("Podman 4.3.1, API 1.41"));
    }
}

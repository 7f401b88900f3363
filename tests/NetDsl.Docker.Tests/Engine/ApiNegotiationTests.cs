using System;
using System.Linq;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using NetDsl.Docker.Engine;
using NetDsl.Engines;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Engine;

/// <summary>
/// API negotiation against engines that answer as moby does (<see cref="MobyVersionServer"/>): the highest version
/// both speak, never a fixed 1.41; "too old / too new" as a message naming both versions and what to do.
/// The real engines (Debian's dockerd 20.10 and podman 4.3) are in <see cref="RealEngineNegotiationTests"/>.
/// </summary>
public class ApiNegotiationTests
{
    private static EngineClient Client(MobyVersionServer server) => new(new EngineEndpoint(new Uri(server.Endpoint)), TimeSpan.FromSeconds(10));

    [Test]
    public async Task Docker_29_is_spoken_to_at_the_highest_version_both_sides_know()
    {
        await using var server = MobyVersionServer.Docker29();
        using var engine = Client(server);
        var identity = await engine.ConnectAsync();
        Assert.That(identity.Release, Is.EqualTo(EngineRelease.Docker(29, 0)));
        Assert.That(identity.Api, Is.EqualTo(new System.Version(1, 52)));
        Assert.That((identity.MinApi, identity.MaxApi), Is.EqualTo((new System.Version(1, 44), new System.Version(1, 52))));
        await engine.Docker.Networks.ListNetworksAsync(new NetworksListParameters());
        Assert.That(server.Requests, Does.Contain("GET /version"), "the version is asked unversioned, which every engine answers");
        Assert.That(server.Requests, Does.Contain("GET /v1.52/networks"));
        Assert.That(server.Requests.Where(r => r.Contains("/v1.41/")), Is.Empty, "never the old fixed 1.41");
    }

    [Test]
    public async Task A_newer_engine_is_spoken_to_at_NetDsls_highest_version()
    {
        await using var server = new MobyVersionServer("29.4.1", "1.54", "1.40");
        using var engine = Client(server);
        Assert.That((await engine.ConnectAsync()).Api, Is.EqualTo(EngineTable.ClientApi.Highest));
    }

    [Test]
    public async Task The_refusal_of_a_fixed_old_version_is_turned_into_a_message_naming_both_versions()
    {
        await using var server = MobyVersionServer.Docker29();
        using var pinned = new DockerClientBuilder().WithEndpoint(new Uri(server.Endpoint)).WithApiVersion(new System.Version(1, 41)).Build();
        var e = (await Assert.ThrowsAsync<DockerApiException>(() => pinned.Networks.ListNetworksAsync(new NetworksListParameters())))!;
        Assert.That((int)e.StatusCode, Is.EqualTo(400));
        Assert.That(e.ResponseBody, Does.Contain("client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"));
        string message = EngineErrors.Describe(e, "reading the engine", new EngineEndpoint(new Uri(server.Endpoint)));
        Assert.That(message, Does.Contain("refuses API 1.41").And.Contain("requires 1.44 or newer").And.Contain("run the command again"));
    }

    [Test]
    public async Task An_engine_older_than_NetDsl_speaks_is_named_with_both_ranges_and_the_fix()
    {
        await using var server = new MobyVersionServer("19.03.15", "1.40", "1.12");
        using var engine = Client(server);
        var e = (await Assert.ThrowsAsync<EngineMismatchException>(() => engine.ConnectAsync()))!;
        Assert.That(e.Message, Does.Contain("Docker 19.03.15").And.Contain("speaks Engine API 1.12 to 1.40").And.Contain("NetDsl's 1.41 to 1.52").And.Contain("upgrade the engine"));
        Assert.That(EngineErrors.IsEngineFailure(e), Is.True, "plan, apply and verify report it like any engine failure");
    }

    [Test]
    public async Task An_engine_newer_than_NetDsl_speaks_is_named_with_both_ranges_and_the_fix()
    {
        await using var server = new MobyVersionServer("31.0.0", "1.62", "1.60");
        using var engine = Client(server);
        var e = (await Assert.ThrowsAsync<EngineMismatchException>(() => engine.ConnectAsync()))!;
        Assert.That(e.Message, Does.Contain("Docker 31.0.0").And.Contain("requires Engine API 1.60 or newer").And.Contain("this NetDsl speaks 1.41 to 1.52").And.Contain("upgrade NetDsl"));
    }

    [Test]
    public async Task Podman_names_itself_in_its_components()
    {
        await using var server = new MobyVersionServer("4.3.1", "1.41", "1.24", componentName: "Podman Engine");
        using var engine = Client(server);
        var identity = await engine.ConnectAsync();
        Assert.That(identity.Release, Is.EqualTo(EngineRelease.Podman(4, 3)));
        Assert.That(identity.Api, Is.EqualTo(new System.Version(1, 41)));
    }

    [Test]
    public async Task Verify_against_an_engine_it_cannot_speak_to_fails_with_the_message_and_no_stack_trace()
    {
        await using var server = new MobyVersionServer("31.0.0", "1.62", "1.60");
        var stdout = new System.IO.StringWriter();
        var stderr = new System.IO.StringWriter();
        int code = NetDsl.Cli.Program.Run(new[] { "verify", NetDsl.TestSupport.RepoPaths.SquidExample, "--docker-host", server.Endpoint }, stdout, stderr);
        Assert.That(code, Is.EqualTo(1), stdout.ToString());
        Assert.That(stderr.ToString(), Does.Contain("requires Engine API 1.60 or newer").And.Not.Contain("   at "));
    }

    [Test]
    public void The_docker_client_is_only_used_after_connecting()
    {
        using var engine = new EngineClient(new EngineEndpoint(new Uri("tcp://127.0.0.1:9")));
        Assert.That(engine.Identity, Is.Null);
        Assert.Throws<InvalidOperationException>(() => _ = engine.Docker);
    }

    private static NetDsl.Planning.CreateNetworkStep NetworkStep(string file)
    {
        var model = TestModels.Compile(file);
        return NetDsl.Planning.ApplyPlanner.Plan(model).Steps.OfType<NetDsl.Planning.CreateNetworkStep>().Single();
    }

    [Test]
    public async Task Newer_request_fields_are_sent_only_where_the_engine_has_them()
    {
        await using var old = new MobyVersionServer("20.10.24", "1.41", "1.12");
        using (var engine = Client(old))
        {
            await engine.ConnectAsync();
            var step = NetworkStep("docker-host h { }\nnetwork n on h { subnet fd00:1::/64 }\n");
            await engine.Docker.Networks.CreateNetworkAsync(NetDsl.Targets.Docker.EngineRequests.CreateNetwork(step, "t.netdsl"));
            var (path, body) = old.Bodies.Single();
            Assert.That(path, Is.EqualTo("/v1.41/networks/create"));
            Assert.That(body, Does.Contain("\"EnableIPv6\":true").And.Not.Contain("EnableIPv4"));
        }
        await using var docker29 = MobyVersionServer.Docker29();
        using (var engine = Client(docker29))
        {
            await engine.ConnectAsync();
            var step = NetworkStep("docker-host h { engine 29.0 }\nnetwork n on h { subnet fd00:1::/64  ipv4 false }\n");
            await engine.Docker.Networks.CreateNetworkAsync(NetDsl.Targets.Docker.EngineRequests.CreateNetwork(step, "t.netdsl"));
            Assert.That(docker29.Bodies.Single().Body, Does.Contain("\"EnableIPv4\":false"));
        }
    }

    [Test]
    public async Task An_ipv6_only_network_is_refused_on_an_engine_without_EnableIPv4_naming_both()
    {
        await using var server = new MobyVersionServer("20.10.24", "1.41", "1.12");
        string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netdsl-ipv6only-" + Guid.NewGuid().ToString("N") + ".netdsl");
        System.IO.File.WriteAllText(file, "docker-host h { engine 28.0 }\nnetwork n on h { subnet fd00:1::/64  ipv4 false }\n");
        try
        {
            var stdout = new System.IO.StringWriter();
            var stderr = new System.IO.StringWriter();
            int code = NetDsl.Cli.Program.Run(new[] { "plan", file, "--docker-host", server.Endpoint }, stdout, stderr);
            Assert.That(code, Is.EqualTo(1), stdout.ToString() + stderr);
            Assert.That(stderr.ToString(), Does.Contain("network n is IPv6-only (ipv4 false), which needs Engine API 1.48 (Docker 28.0)").And.Contain("speaks 1.41"));
            Assert.That(server.Requests.Where(r => r.StartsWith("POST", StringComparison.Ordinal)), Is.Empty, "nothing was created");
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }
}

using System.IO;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;
using NetDsl.Nptv6;
using NetDsl.Planning;
using NetDsl.TestSupport;
using NetDsl.Tracing;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>
/// The third example: NPTv6 on a Docker host by NetDsl's own translator. It checks clean, trace applies the host's rule
/// with the core's arithmetic both ways, apply's plan runs the gateway after the nftables, verify checks it, and the
/// committed artifacts — the systemd unit among them — are what `netdsl emit` renders.
/// </summary>
public class HostNptv6ExampleTests
{
    private static string Source => Path.Combine(RepoPaths.Examples, "host-nptv6", "lab.netdsl");

    private static NetworkModel Model()
    {
        var result = NetDslCompiler.Compile(File.ReadAllText(Source), Source);
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Model!;
    }

    [Test]
    public void Committed_artifacts_are_up_to_date()
    {
        // NETDSL_UPDATE_GOLDEN=1 regenerates them.
        Assert.That(CommittedArtifacts.AssertUpToDate("host-nptv6"), Does.Contain("7 artifact(s) up to date"));
    }

    [Test]
    public void The_rule_binds_and_trace_translates_both_ways_with_the_core()
    {
        var model = Model();
        var rule = model.Hosts.Single().Nptv6Rules.Single();
        Assert.That(rule.Name, Is.EqualTo("apps_out"));
        Assert.That(rule.Interface, Is.EqualTo("eth0"));
        Assert.That(Nptv6Mappings.FindMappings(model, "apps_out"), Is.EqualTo(rule.Mappings.ToList()));

        var trace = new PathTracer(model).Trace(model.Expectations.First(e => e.From == "app1" && e.To.Name == "www"));
        Assert.That(trace.Succeeded, Is.True, trace.ToString());
        var container = model.Containers.Single().Attachments.Single().Ipv6!.Value;
        var expected = Nptv6Translator.Create(rule.Mappings[0].Inside, rule.Mappings[0].Outside).TranslateOutbound(container).Address;
        var outbound = trace.Forward.SelectMany(h => h.Rewrites).Single(r => r.Kind == "nptv6-out");
        Assert.That(outbound.To, Is.EqualTo(expected));
        var inbound = trace.Return.SelectMany(h => h.Rewrites).Single(r => r.Kind == "nptv6-in");
        Assert.That((inbound.From, inbound.To), Is.EqualTo((expected, container)));
    }

    [Test]
    public void Apply_runs_the_gateway_last_and_verify_checks_it()
    {
        var model = Model();
        var steps = ApplyPlanner.Plan(model).Steps.ToList();
        var gateway = steps.OfType<RunNptv6GatewayStep>().Single();
        Assert.That(steps.Last(s => s.Device == "edge"), Is.EqualTo(gateway), "after networks, containers and nftables");
        var service = gateway.Service;
        Assert.That(service.Device, Has.Length.LessThanOrEqualTo(15).And.StartsWith("npt"));
        Assert.That(service.Arguments, Is.EqualTo(new[]
        {
            "nptv6", "run", "--inside", "fd42:7c1e:9a00:10::/64", "--outside", "2001:db8:ff30:10::/64", "--tun", service.Device, "--route",
            "--table", "6296", "--stats", "60", "--status-file", "/run/netdsl/nptv6/apps_out.json",
        }));
        string unit = service.Unit(new[] { "/opt/net dsl/netdsl" }, "lab.netdsl");
        Assert.That(unit, Does.Contain("ExecStart=\"/opt/net dsl/netdsl\" nptv6 run --inside fd42:7c1e:9a00:10::/64"), "a path with a space is quoted");
        Assert.That(unit, Does.Contain("WantedBy=multi-user.target"));

        var fact = VerifyPlanner.Plan(model).Facts.OfType<Nptv6GatewayFact>().Single();
        Assert.That(fact.Expected, Is.EqualTo("running: fd42:7c1e:9a00:10::/64 <-> 2001:db8:ff30:10::/64"));
    }

    [TestCase("translator kernel", "NDSL5601")]
    [TestCase("", "NDSL0008")]
    [TestCase("translator netdsl interface eth9", "NDSL4003")]
    public void A_rule_the_gateway_cannot_run_is_an_error(string options, string id)
    {
        string text = "docker-host h {\n  interface eth0 address 2001:db8:ff::2/64\n  nptv6 r " +
            (options.Contains("interface") ? "" : "interface eth0 ") + options + " {\n    fd00:1::/64 -> 2001:db8:1::/64\n  }\n}\n";
        var result = NetDslCompiler.Compile(text, "/x/t.netdsl");
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain(id), string.Join("\n", result.Diagnostics));
    }
}

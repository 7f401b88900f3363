using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Docker;
using NetDsl.Targets;
using NetDsl.Targets.Tests.Consumers;
using NetDsl.Tests.Diagnostics;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Labs;

/// <summary>
/// The daemon.json consumer of the check ⇒ emit ⇒ consumer property (the others run in NetDsl.Targets.Tests): every
/// daemon.json (one per combination of keys) that the generated files and the good examples emit for an engine 20.10 host starts Debian's
/// dockerd 20.10 in a namespace of its own — the engine refuses to start on a bad one, so "it answers" is the check.
/// </summary>
[TestFixture, NonParallelizable]
public class DaemonJsonConsumerTests
{
    [OneTimeSetUp]
    public void Require() => LabRequirement.RequireDockerd();

    [Test]
    public async Task Every_distinct_daemon_json_for_engine_20_10_starts_dockerd_20_10()
    {
        var files = Enumerable.Range(1, 60).Select(seed => string.Join("\n", LabFileGenerator.Generate(seed)) + "\n")
            .Concat(DiagnosticExamples.All.Select(e => e.Good));
        var daemonJsons = files
            .Select(text => NetDslCompiler.Compile(text, "gen.netdsl"))
            .Where(c => !c.HasErrors)
            .SelectMany(c => c.Model!.Hosts.Where(h => h.Engine == NetDsl.Engines.EngineRelease.Docker(20, 10))
                .SelectMany(h => new DaemonJsonRenderer().Render(c.Model with { Hosts = Model.EquatableArray.Of(h) }).Artifacts))
            .Select(a => a.Content)
            // One file per combination of keys (the values differ only in their prefixes): each start costs seconds.
            .GroupBy(KeysOf, StringComparer.Ordinal).Select(g => g.First())
            .ToList();
        Assert.That(daemonJsons.Count, Is.GreaterThanOrEqualTo(4), "the generator varies the daemon keys");
        int n = 0;
        foreach (var json in daemonJsons)
        {
            string name = "dj" + (Environment.ProcessId % 0xffff).ToString("x", CultureInfo.InvariantCulture) + (n++).ToString(CultureInfo.InvariantCulture);
            try
            {
                await using var dockerd = await PrivateDockerd.StartAsync(name, json, TimeSpan.FromSeconds(60));
                var info = await dockerd.DockerAsync("info", "--format", "{{.ServerVersion}}");
                Assert.That(info.StandardOutput.Trim(), Does.StartWith("20.10"), json);
            }
            catch (Exception e) when (e is not AssertionException)
            {
                Assert.Fail("dockerd 20.10 did not start with\n" + json + "\n" + e.Message);
            }
        }
        TestContext.Out.WriteLine($"{daemonJsons.Count} daemon.json files (one per combination of keys) started dockerd 20.10");
    }

    private static string KeysOf(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return string.Join(",", document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Engines;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Engine;

/// <summary>
/// The engine table's daemon.json keys held to the real dockerd 20.10: given every key the table knows of (any
/// version) and one nobody knows, dockerd names exactly the ones the table says 20.10 does not know. dockerd checks
/// the keys before it touches anything, so it stops there; it still runs in a mount and network namespace of its own.
/// </summary>
[NonParallelizable]
public class DaemonKeysOnRealDockerdTests
{
    [Test]
    public async Task Dockerd_20_10_refuses_exactly_the_keys_the_table_says_it_does_not_know()
    {
        LabRequirement.RequireDockerd();
        LabRequirement.RequireRootAndNamespaces("unshare");
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var json = new JsonObject();
            foreach (var key in EngineTable.DaemonKeys) json[key.Name] = null;
            json["netdsl-no-such-key"] = null;
            string config = Path.Combine(dir, "daemon.json");
            await File.WriteAllTextAsync(config, json.ToJsonString());
            var run = await ProcessRunner.RunAsync("unshare", new[]
            {
                "-m", "-n", "--propagation", "private", "timeout", "30", "dockerd", "--config-file", config,
                "--data-root", Path.Combine(dir, "data"), "--exec-root", Path.Combine(dir, "exec"),
                "-H", "unix://" + Path.Combine(dir, "d.sock"), "--pidfile", Path.Combine(dir, "d.pid"),
            }, timeout: TimeSpan.FromSeconds(40));
            string output = run.StandardOutput + run.StandardError;
            const string marker = "don't match any configuration option: ";
            int at = output.IndexOf(marker, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), output);
            var refused = output[(at + marker.Length)..].Split('\n')[0].Split(", ").Select(k => k.Trim()).ToHashSet();
            var expected = EngineTable.DaemonKeys.Where(k => !k.KnownOn(EngineRelease.Docker(20, 10))).Select(k => k.Name).Append("netdsl-no-such-key").ToHashSet();
            Assert.That(refused, Is.EquivalentTo(expected));
        }
        finally
        {
            await ProcessRunner.RunAsync("rm", new[] { "-rf", dir });
        }
    }
}

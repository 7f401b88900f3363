using System;
using System.IO;
using System.Linq;
using NetDsl.Lab;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Labs;

/// <summary>
/// `netdsl lab up|test|down` with the seed's Docker host declared as Podman 4.3: the lab runs a private Podman in its
/// namespace, NetDsl's own apply configures it, every expect passes and agrees with trace, and down leaves nothing.
/// </summary>
[TestFixture, NonParallelizable]
public class PodmanLabTests
{
    [Test]
    public void The_seed_on_podman_passes_every_expect_and_leaves_nothing()
    {
        LabRequirement.RequirePodman();
        LabRequirement.RequireRootAndNamespaces("ip6tables-restore", "conntrack", "tcpdump", "nft", "ping");
        var name = new LabName("p" + (Environment.ProcessId % 0xfffff).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-podman-lab-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "squid-podman.netdsl");
        File.WriteAllText(file, EngineVariants.SquidOnPodman());
        try
        {
            var (up, upOut) = Cli("up", file, name);
            Assert.That(up, Is.EqualTo(0), upOut);
            Assert.That(upOut, Does.Contain("podman engine for dockerhost answers"));
            var (test, testOut) = Cli("test", file, name);
            Assert.That(test, Is.EqualTo(0), testOut);
            Assert.That(testOut, Does.Contain("cnt01 -> dns.google  (src at isp uplink 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5 = trace"));
            Assert.That(testOut, Does.Contain("lab test: 3 of 3 expects passed"));
        }
        finally
        {
            var (down, downOut) = Cli("down", file, name);
            Assert.That(down, Is.EqualTo(0), downOut);
            Assert.That(LabDown.Leftovers(name), Is.Empty);
            Assert.That(Directory.Exists(NetDsl.Lab.Podman.PrivatePodman.FolderFor(name.Namespace("dockerhost"))), Is.False);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Code, string Output) Cli(string verb, string file, LabName name)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetDsl.Cli.Program.Run(new[] { "lab", verb, file, "--name", name.Short }, stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine($"$ netdsl lab {verb} {file} --name {name.Short}\n{output}");
        return (code, output);
    }
}

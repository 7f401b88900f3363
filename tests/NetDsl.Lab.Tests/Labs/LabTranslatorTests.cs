using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NetDsl.Gateway;
using NetDsl.Lab;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Labs;

/// <summary>
/// `lab up --translator netdsl`: the firewalls' NPTv6 rules go to NetDsl's live gateway instead of ip6tables SNPT/DNPT.
/// Each example is built twice, once per translator, and `lab test` must say exactly the same thing both times —
/// every expect's verdict and the source address seen where it arrives — while the gateway's counters show that it,
/// not the kernel, translated. `lab down` then leaves nothing, the gateways' files included.
/// </summary>
[TestFixture, NonParallelizable]
public class LabTranslatorTests
{
    [OneTimeSetUp]
    public void Require()
    {
        LabRequirement.RequireDockerd();
        LabRequirement.RequireRootAndNamespaces("ip6tables-restore", "conntrack", "tcpdump", "nft", "ping");
    }

    [TestCase("squid-ipv6")]
    [TestCase("two-hosts")]
    public void Both_translators_give_the_same_lab_test(string example)
    {
        string file = Path.Combine(RepoPaths.Examples, example, "lab.netdsl");
        var (kernelCode, kernel) = UpTestDown(file, "kernel", _ => { });
        var (netdslCode, netdsl) = UpTestDown(file, "netdsl", name =>
        {
            // The status files are rewritten every second: give them the time to see the last pings.
            System.Threading.Thread.Sleep(1500);
            var statuses = Directory.GetFiles(LabState.GatewayFolder(name), "*.json")
                .Select(f => Nptv6GatewayStatus.TryRead(f, out _)).ToList();
            Assert.That(statuses, Is.Not.Empty, "a gateway per NPTv6 rule");
            Assert.That(statuses.All(s => s is { Running: true }), "every gateway runs");
            Assert.That(statuses.Sum(s => s!.Stats.TranslatedOutbound), Is.GreaterThan(0), "the gateway translated the expects' pings");
            Assert.That(statuses.Sum(s => s!.Stats.SendErrors), Is.EqualTo(0));
        });
        Assert.That(kernelCode, Is.EqualTo(0), kernel);
        Assert.That(netdslCode, Is.EqualTo(kernelCode), netdsl);
        Assert.That(netdsl, Is.EqualTo(kernel), "lab test with NetDsl's gateway against lab test with the kernel's ip6t_NPT");
    }

    /// <summary>
    /// examples/host-nptv6: the Docker host's own NPTv6 by NetDsl's gateway, which the lab's apply starts in the host's
    /// namespace (no systemd there: the foreground mode). Every expect passes with trace's sources, and `verify` against
    /// the lab's engine finds the gateway running with the rule's mappings and translating.
    /// </summary>
    [Test]
    public void Apply_starts_the_hosts_gateway_and_verify_sees_it_translate()
    {
        string file = Path.Combine(RepoPaths.Examples, "host-nptv6", "lab.netdsl");
        var name = new LabName("x" + (Environment.ProcessId % 0xfffff).ToString("x", CultureInfo.InvariantCulture) + (++_counter).ToString(CultureInfo.InvariantCulture));
        try
        {
            var (up, upOut) = Cli("lab", "up", file, "--name", name.Short);
            Assert.That(up, Is.EqualTo(0), upOut);
            var (test, testOut) = Cli("lab", "test", file, "--name", name.Short);
            Assert.That(test, Is.EqualTo(0), testOut);
            Assert.That(testOut, Does.Contain("ok    expect ping app1 -> www  (trace: reached; lab: reply, request seen at isp from 2001:db8:ff30:10:e677::2; src 2001:db8:ff30:10:e677::2 = trace)"));
            string netns = name.Namespace("edge");
            var (verify, verifyOut) = Cli("verify", file, "--docker-host", "unix://" + Path.Combine(NetDsl.Lab.Docker.PrivateDockerd.FolderFor(netns), "docker.sock"),
                "--host-netns", netns, "--skip-external");
            Assert.That(verify, Is.EqualTo(0), verifyOut);
            var line = verifyOut.Split('\n').Single(l => l.Contains("NetDsl NPTv6 gateway apps_out on edge"));
            Assert.That(line, Does.StartWith("PASS").And.Contain("observed running: fd42:7c1e:9a00:10::/64 <-> 2001:db8:ff30:10::/64"));
            Assert.That(line, Does.Not.Contain(" 0 packets translated out"), "the expects' pings went through it");
        }
        finally
        {
            var (down, downOut) = Cli("lab", "down", file, "--name", name.Short);
            Assert.That(down, Is.EqualTo(0), downOut);
            Assert.That(LabDown.Leftovers(name), Is.Empty, "the gateway's files in /run/netdsl/nptv6 included");
            // A gateway left in the Docker host's namespace would keep that namespace alive after its name is gone.
            Assert.That(NetDsl.Docker.Processes.ProcessTree.WithCommandLineContaining(name.Namespace("edge") + "/apps_out.json"), Is.Empty, "the host's gateway stopped");
        }
    }

    /// <summary>Up (with the translator), test, down; returns test's exit code and its report without timings.</summary>
    private static (int Code, string Report) UpTestDown(string file, string translator, Action<LabName> whileUp)
    {
        var name = new LabName("x" + (Environment.ProcessId % 0xfffff).ToString("x", CultureInfo.InvariantCulture) + (++_counter).ToString(CultureInfo.InvariantCulture));
        try
        {
            var (up, upOut) = Cli("lab", "up", file, "--name", name.Short, "--translator", translator);
            Assert.That(up, Is.EqualTo(0), upOut);
            if (translator == "netdsl") Assert.That(upOut, Does.Contain("NetDsl NPTv6 gateway for"));
            var (test, testOut) = Cli("lab", "test", file, "--name", name.Short);
            whileUp(name);
            return (test, Regex.Replace(testOut, @"\d+(\.\d+)? s\b", "N s"));
        }
        finally
        {
            var (down, downOut) = Cli("lab", "down", file, "--name", name.Short);
            Assert.That(down, Is.EqualTo(0), downOut);
            Assert.That(LabDown.Leftovers(name), Is.Empty);
            Assert.That(Directory.Exists(LabState.GatewayFolder(name)), Is.False, "the gateways' logs and status files");
        }
    }

    private static int _counter;

    private static (int Code, string Output) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetDsl.Cli.Program.Run(args, stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine($"$ netdsl {string.Join(" ", args)}   (exit {code})\n{output}");
        return (code, output);
    }
}

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

using System;
using System.IO;
using System.Linq;
using NetDsl.Captures.Verification;
using NetDsl.Planning;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Captures.Tests.Engines;

/// <summary>`verify --captures` holds a host to its engine's own firewall through a pasted `ip6tables-save`.</summary>
public class EngineFirewallCaptureTests
{
    private const string File2010 = "docker-host h { engine 20.10  daemon { ip6tables true  experimental true } }\n" +
                                    "network n1 on h { subnet fd00:1::/64  bridge-name br1 }\nnetwork n2 on h { subnet fd00:2::/64  bridge-name br2 }\n";

    private static CaptureVerifyReport Verify(string netdsl, string captureName, string capture)
    {
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-fw-captures-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, captureName), capture);
            var model = NetDslCompiler.Compile(netdsl, "fw.netdsl").Model!;
            return CaptureVerifier.Verify(model, CaptureSet.Load(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Measured(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests/NetDsl.Captures.Tests/Fixtures/measured", name));

    [Test]
    public void A_pasted_ip6tables_save_passes_every_engine_rule()
    {
        var report = Verify(File2010, "h.ip6tables-save.txt", Measured("docker-20.10.24-ip6tables.ip6tables-save.txt"));
        var firewall = report.Results.Where(r => r.Fact is EngineFirewallFact).ToList();
        Assert.That(firewall.Count, Is.EqualTo(5), "2 masquerades, 2 isolations, the policy");
        Assert.That(firewall.Select(r => r.Outcome), Is.All.EqualTo(CaptureOutcome.Pass), string.Join("\n", firewall));
    }

    [Test]
    public void A_listing_without_the_engines_masquerade_fails_on_it_and_names_what_is_there()
    {
        var text = Measured("docker-20.10.24-ip6tables.ip6tables-save.txt").Replace("-A POSTROUTING -s fd00:1::/64 ! -o br1 -j MASQUERADE\n", "");
        var report = Verify(File2010, "h.ip6tables-save.txt", text);
        var masquerade = report.Results.Single(r => r.Fact is EngineFirewallFact { Kind: NetDsl.Engines.EngineRuleKind.Masquerade, Network: "n1" });
        Assert.That(masquerade.Outcome, Is.EqualTo(CaptureOutcome.Fail));
        Assert.That(masquerade.ToString(), Does.Contain("fd00:2::/64"), "names the masquerades it did find");
    }

    [Test]
    public void Without_a_listing_the_rules_are_not_covered()
    {
        var report = Verify(File2010, "h.ip-6-route.txt", "default via fd00:99::1 dev eth0\n");
        Assert.That(report.Results.Where(r => r.Fact is EngineFirewallFact).Select(r => r.Outcome), Is.All.EqualTo(CaptureOutcome.NotCovered));
    }

    [TestCase("ip6tables-save")]
    [TestCase("sudo ip6tables-save -c")]
    [TestCase("ip6tables -S")]
    [TestCase("iptables -t nat -S")]
    public void Commands_are_recognised(string command) => Assert.That(CommandRecognizer.Recognize(command), Is.EqualTo(CaptureFormat.IptablesSave));

    [TestCase("ip6tables-save")]
    [TestCase("ip6tables-s")]
    public void File_names_are_recognised(string slug) => Assert.That(CommandRecognizer.RecognizeSlug(slug), Is.EqualTo(CaptureFormat.IptablesSave));
}

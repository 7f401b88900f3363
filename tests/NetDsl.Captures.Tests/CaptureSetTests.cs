using System.IO;
using System.Linq;
using NetDsl.Captures.Model;
using NUnit.Framework;

namespace NetDsl.Captures.Tests;

/// <summary>Loading a directory: the naming rule, the header line, prompt lines.</summary>
public class CaptureSetTests
{
    [Test]
    public void SeedDirectory_LoadsEveryCaptureWithoutErrors()
    {
        var set = CaptureSet.Load(SeedCaptures.Directory);
        Assert.That(set.Errors, Is.Empty);
        Assert.That(set.Files.Select(f => (Path.GetFileName(f.Path), f.Device, f.Format)), Is.EquivalentTo(new (string, string, CaptureFormat?)[]
        {
            (SeedCaptures.DockerInspect, "dockerhost", CaptureFormat.DockerNetworkInspect),
            (SeedCaptures.HostIpAddr, "dockerhost", CaptureFormat.IpAddr),
            (SeedCaptures.HostRoutes, "dockerhost", CaptureFormat.IpRoute),
            (SeedCaptures.ContainerIpAddr, "cnt01", CaptureFormat.IpAddr),
            (SeedCaptures.ContainerRoutes, "cnt01", CaptureFormat.IpRoute),
            (SeedCaptures.Nft, "dockerhost", CaptureFormat.NftList),
            (SeedCaptures.Conntrack, "dockerhost", CaptureFormat.Conntrack),
            (SeedCaptures.IosRun, "Rdc01", CaptureFormat.IosRunningConfig),
            (SeedCaptures.PanosInterfaces, "FWdc01", CaptureFormat.PanosShowInterfaceAll),
            (SeedCaptures.PanosNat, "FWdc01", CaptureFormat.PanosNatPolicy),
        }));
        Assert.That(set.OfType<ObservedNatRule>().Single().Name, Is.EqualTo("nat66_NPTv6_to_internet"));
        Assert.That(set.Covering("rdc01", CaptureFormat.IosRunningConfig).Single().IsPartial, Is.True);
        Assert.That(set.Covering("cnt01", CaptureFormat.NftList), Is.Empty, "not covered by any capture");
    }

    [TestCase("dockerhost.ip-addr.txt", "dockerhost", CaptureFormat.IpAddr)]
    [TestCase("cnt01.ip-6-route.txt", "cnt01", CaptureFormat.IpRoute)]
    [TestCase("cnt01.ip-6-a.txt", "cnt01", CaptureFormat.IpAddr)]
    [TestCase("Rdc01.show-run.txt", "Rdc01", CaptureFormat.IosRunningConfig)]
    [TestCase("Rdc01.show-running-config.before.txt", "Rdc01", CaptureFormat.IosRunningConfig)]
    [TestCase("FWdc01.show-interface-all.txt", "FWdc01", CaptureFormat.PanosShowInterfaceAll)]
    [TestCase("FWdc01.nat-policy.txt", "FWdc01", CaptureFormat.PanosNatPolicy)]
    [TestCase("FWdc01.show-running-nat-policy.txt", "FWdc01", CaptureFormat.PanosNatPolicy)]
    [TestCase("FWdc01.set-commands.txt", "FWdc01", CaptureFormat.PanosSetCommands)]
    [TestCase("dockerhost.docker-network-inspect.br_ipv6_nw.json", "dockerhost", CaptureFormat.DockerNetworkInspect)]
    [TestCase("dockerhost.nft-list-ruleset.txt", "dockerhost", CaptureFormat.NftList)]
    [TestCase("dockerhost.conntrack-l.txt", "dockerhost", CaptureFormat.Conntrack)]
    public void NamingRule(string fileName, string device, CaptureFormat format)
    {
        Assert.That(CaptureFileName.TryParse("some/dir/" + fileName, out var name), Is.True);
        Assert.That(name.Device, Is.EqualTo(device));
        Assert.That(name.Format, Is.EqualTo(format));
    }

    [TestCase("ip add", CaptureFormat.IpAddr)]
    [TestCase("sudo ip -6 -o addr show dev eth0", CaptureFormat.IpAddr)]
    [TestCase("ip -6 route | grep -v docker0", CaptureFormat.IpRoute)]
    [TestCase("ip -6 r", CaptureFormat.IpRoute)]
    [TestCase("nft -a list ruleset", CaptureFormat.NftList)]
    [TestCase("conntrack -E -p icmpv6", CaptureFormat.Conntrack)]
    [TestCase("sh run | in ::/0", CaptureFormat.IosRunningConfig)]
    [TestCase("show running-config", CaptureFormat.IosRunningConfig)]
    [TestCase("show interface all", CaptureFormat.PanosShowInterfaceAll)]
    [TestCase("show running nat-policy", CaptureFormat.PanosNatPolicy)]
    [TestCase("docker network inspect br_ipv6_nw", CaptureFormat.DockerNetworkInspect)]
    public void CommandRecognition(string command, CaptureFormat format) =>
        Assert.That(CommandRecognizer.Recognize(command), Is.EqualTo(format));

    [TestCase("ping6 -c 1 fd5a:ceb9:ed8d:1::2")]
    [TestCase("ip link")]
    [TestCase("show clock")]
    public void UnknownCommands_AreNotRecognised(string command) => Assert.That(CommandRecognizer.Recognize(command), Is.Null);

    [Test]
    public void HeaderLine_OverridesTheFileName()
    {
        var set = CaptureSet.FromTexts(new[]
        {
            ("ticket-4711.txt", "# netdsl-capture: device=Rdc01 command=\"show running-config | include ipv6 route\"\nipv6 route ::/0 Vlan252 FD5A:CEB9:ED8D:FEFC::1\n"),
        });
        var file = set.Files.Single();
        Assert.That(file.Errors, Is.Empty);
        Assert.That((file.Device, file.Format, file.IsPartial), Is.EqualTo(("Rdc01", (CaptureFormat?)CaptureFormat.IosRunningConfig, true)));
        Assert.That(file.Observations.Single().Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void PromptLine_IdentifiesDeviceAndCommand_WhenTheNameDoesNot()
    {
        var set = CaptureSet.FromTexts(new[]
        {
            ("paste1.txt", SeedCaptures.Text(SeedCaptures.PanosInterfaces)),
            ("paste2.txt", SeedCaptures.Text(SeedCaptures.IosRun)),
        });
        Assert.That(set.Errors, Is.Empty);
        Assert.That(set.Files.Select(f => (f.Device, f.Format)), Is.EqualTo(new (string, CaptureFormat?)[]
        {
            ("FWdc01", CaptureFormat.PanosShowInterfaceAll), ("Rdc01", CaptureFormat.IosRunningConfig),
        }));
    }

    [Test]
    public void UnidentifiableFile_IsAnErrorExplainingTheRule()
    {
        var set = CaptureSet.FromTexts(new[] { ("notes.txt", "some text\n") });
        var error = set.Errors.Single();
        Assert.That(error.File, Is.EqualTo("notes.txt"));
        Assert.That(error.Message, Does.Contain("<device>.<command>.txt"));
    }

    [Test]
    public void FileNameAndPromptThatDisagree_IsAnError()
    {
        var set = CaptureSet.FromTexts(new[] { ("cnt01.ip-6-route.txt", SeedCaptures.Text(SeedCaptures.ContainerIpAddr)) });
        Assert.That(set.Errors.First().Message, Does.Contain("prompt shows \"ip add\""));
    }

    [Test]
    public void MissingDirectory_IsAnErrorNotAnException()
    {
        var set = CaptureSet.Load(Path.Combine(Path.GetTempPath(), "netdsl-no-such-dir-" + System.Guid.NewGuid()));
        Assert.That(set.Errors.Single().Message, Does.StartWith("Cannot read the captures directory"));
    }
}

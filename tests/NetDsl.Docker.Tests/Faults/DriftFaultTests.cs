using System.Threading.Tasks;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// Drift is what the engine really has, not what the hash label claims: a container reconnected with another
/// address, disconnected from its network, connected to one more, or a hand-made container wearing copied labels.
/// </summary>
[TestFixture, NonParallelizable]
public class DriftFaultTests
{
    [SetUp]
    public void Lab() => Require();

    [Test]
    public async Task A_container_reconnected_with_another_address_is_drift_naming_the_address()
    {
        string file = File("dr-addr.netdsl", Small("dr_ad_nw", "fd00:b1::/64", "dr_ad"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        await DockerAsync("network", "disconnect", "dr_ad_nw", "dr_ad");
        await DockerAsync("network", "connect", "--ip6", "fd00:b1::99", "dr_ad_nw", "dr_ad");

        var (code, output) = Netdsl("plan", file);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("drift     container dr_ad: changed on the engine since NetDsl created it"));
        Assert.That(output, Does.Contain("network dr_ad_nw ipv6: expected fd00:b1::2, engine has fd00:b1::99"));
        var (replace, replaceOut) = Netdsl("apply", file, "--replace");
        Assert.That(replace, Is.EqualTo(0), replaceOut);
        Assert.That(await DockerAsync("inspect", "-f", "{{(index .NetworkSettings.Networks \"dr_ad_nw\").GlobalIPv6Address}}", "dr_ad"), Is.EqualTo("fd00:b1::2"));
        Assert.That(Netdsl("plan", file).Code, Is.EqualTo(0));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_container_disconnected_from_its_network_is_drift()
    {
        string file = File("dr-disc.netdsl", Small("dr_dc_nw", "fd00:b2::/64", "dr_dc"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        await DockerAsync("network", "disconnect", "dr_dc_nw", "dr_dc");
        var (code, output) = Netdsl("plan", file);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("network dr_dc_nw: expected connected, engine has not connected"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_container_connected_to_another_network_is_drift()
    {
        string file = File("dr-extra.netdsl", Small("dr_ex_nw", "fd00:b3::/64", "dr_ex"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        await DockerAsync("network", "connect", "unrelated_nw", "dr_ex");
        var (code, output) = Netdsl("plan", file);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("network unrelated_nw: expected not connected, engine has connected"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_hand_made_container_with_copied_labels_is_not_kept()
    {
        string file = File("dr-copy.netdsl", Small("dr_cp_nw", "fd00:b4::/64", "dr_cp"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        string labels = await DockerAsync("inspect", "-f", "{{index .Config.Labels \"io.netdsl.source\"}} {{index .Config.Labels \"io.netdsl.hash\"}}", "dr_cp");
        var parts = labels.Split(' ');
        await DockerAsync("rm", "-f", "dr_cp");
        await DockerAsync("run", "-d", "--name", "dr_cp", "--network", "dr_cp_nw", "--label", "io.netdsl.source=" + parts[0], "--label", "io.netdsl.hash=" + parts[1],
            TestModels.Image, "sleep", "600");
        var (code, output) = Netdsl("plan", file);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("drift     container dr_cp"));
        Assert.That(output, Does.Contain("command: expected [\"/bin/sh\"], engine has [\"sleep\",\"600\"]"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task An_interrupted_apply_is_completed_not_drift()
    {
        string file = File("dr-two.netdsl", "let IMAGE = \"" + TestModels.Image + "\"\ndocker-host h { }\nnetwork dr_a on h { subnet fd00:b5::/64 }\nnetwork dr_b on h { subnet fd00:b6::/64 }\n"
            + "container dr_two on dr_a, dr_b { image IMAGE  command [\"/bin/sh\"]  tty }\n");
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        await DockerAsync("network", "disconnect", "dr_b", "dr_two");
        await DockerAsync("stop", "-t", "0", "dr_two");
        var (code, output) = Netdsl("plan", file);
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("complete  container dr_two (connect dr_b, start)"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        Assert.That(Netdsl("plan", file).Code, Is.EqualTo(0));
        await AssertNothingLostAsync();
    }
}

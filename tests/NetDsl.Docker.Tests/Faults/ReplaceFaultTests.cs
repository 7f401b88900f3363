using System.Threading.Tasks;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// `apply --replace` never loses a container: what the engine would refuse is found before anything is removed, and
/// a successor that fails after the old one was set aside is removed and the old one put back, running.
/// </summary>
[TestFixture, NonParallelizable]
public class ReplaceFaultTests
{
    [SetUp]
    public void Lab() => Require();

    [Test]
    public async Task Replace_with_a_missing_image_removes_nothing()
    {
        string file = File("rp-image.netdsl", Small("rp_img_nw", "fd00:a1::/64", "rp_img"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        string id = await DockerAsync("inspect", "-f", "{{.Id}}", "rp_img");

        var (code, output) = Netdsl("apply", file, "--replace", "--set", "IMAGE=no-such-image:1");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("image no-such-image:1 is not on the engine"));
        Assert.That(output, Does.Contain("nothing was changed"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.Id}} {{.State.Running}}", "rp_img"), Is.EqualTo(id + " true"), "the old container is gone or stopped");
        var (plan, planOut) = Netdsl("plan", file, "--replace", "--set", "IMAGE=no-such-image:1");
        Assert.That(plan, Is.EqualTo(1), planOut);
        Assert.That(planOut, Does.Contain("error     container rp_img: image no-such-image:1 is not on the engine"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Replace_whose_successor_fails_to_start_puts_the_old_container_back()
    {
        string file = File("rp-start.netdsl", Small("rp_st_nw", "fd00:a2::/64", "rp_st"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        string id = await DockerAsync("inspect", "-f", "{{.Id}}", "rp_st");
        // The image exists, so preflight passes; the command does not, so the start fails after the old one was set aside.
        string broken = File("v2/rp-start.netdsl", Small("rp_st_nw", "fd00:a2::/64", "rp_st").Replace("[\"/bin/sh\"]", "[\"/no/such/command\"]"));

        var (code, output) = Netdsl("apply", broken, "--replace");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("done          rename container rp_st aside"));
        Assert.That(output, Does.Contain("failed        start container rp_st"));
        Assert.That(output, Does.Contain("done          remove new container rp_st"));
        Assert.That(output, Does.Contain("done          rename rp_st.netdsl-aside back to rp_st"));
        Assert.That(output, Does.Contain("done          start old container rp_st"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.Id}} {{.State.Running}}", "rp_st"), Is.EqualTo(id + " true"));
        Assert.That(await DockerAsync("inspect", "-f", "{{(index .NetworkSettings.Networks \"rp_st_nw\").GlobalIPv6Address}}", "rp_st"), Is.EqualTo("fd00:a2::2"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Replace_of_a_network_whose_container_fails_recreates_the_network_and_the_old_container()
    {
        string file = File("rp-net.netdsl", Small("rp_net_nw", "fd00:a3::/64", "rp_net"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        string id = await DockerAsync("inspect", "-f", "{{.Id}}", "rp_net");
        // Another gateway-bearing change of the network (a new IPv4 subnet) and a container that cannot start.
        string broken = File("v2/rp-net.netdsl", Small("rp_net_nw", "fd00:a3::/64", "rp_net")
            .Replace("subnet fd00:a3::/64", "subnet fd00:a3::/64  subnet 10.97.3.0/24").Replace("[\"/bin/sh\"]", "[\"/no/such/command\"]"));

        var (code, output) = Netdsl("apply", broken, "--replace");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("done          remove network rp_net_nw"));
        Assert.That(output, Does.Contain("done          create network rp_net_nw again as it was"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.Id}} {{.State.Running}}", "rp_net"), Is.EqualTo(id + " true"));
        Assert.That(await DockerAsync("inspect", "-f", "{{(index .NetworkSettings.Networks \"rp_net_nw\").GlobalIPv6Address}}", "rp_net"), Is.EqualTo("fd00:a3::2"));
        var (plan, planOut) = Netdsl("plan", file);
        Assert.That(plan, Is.EqualTo(0), "the original file sees everything as it was: " + planOut);
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Replace_that_succeeds_keeps_the_pinned_address_and_leaves_no_old_container()
    {
        string file = File("rp-ok.netdsl", Small("rp_ok_nw", "fd00:a4::/64", "rp_ok"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        await DockerAsync("tag", TestModels.Image, TestModels.Image + ":rp");
        var (code, output) = Netdsl("apply", file, "--replace", "--set", "IMAGE=" + TestModels.Image + ":rp");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(await DockerAsync("inspect", "-f", "{{.Config.Image}} {{.State.Running}}", "rp_ok"), Is.EqualTo(TestModels.Image + ":rp true"));
        Assert.That(await DockerAsync("ps", "-a", "--format", "{{.Names}}"), Does.Not.Contain("rp_ok.netdsl-aside"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_new_network_overlapping_one_the_engine_keeps_is_a_plan_error_and_nothing_is_created()
    {
        string file = File("rp-overlap.netdsl", Small("rp_ov_nw", "fd00:98::/64", "rp_ov"));
        var (plan, planOut) = Netdsl("plan", file);
        Assert.That(plan, Is.EqualTo(1), planOut);
        Assert.That(planOut, Does.Contain("subnet fd00:98::/64 overlaps fd00:98::/64 of network unrelated_nw"));
        var (code, output) = Netdsl("apply", file);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That((await DockerAsync("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Not.Contain("rp_ov_nw"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task A_replace_killed_between_rename_and_create_is_put_back_by_the_next_apply()
    {
        string file = File("rp-killed.netdsl", Small("rp_kl_nw", "fd00:a5::/64", "rp_kl"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        string id = await DockerAsync("inspect", "-f", "{{.Id}}", "rp_kl");
        // Exactly what a replace leaves when it is killed (SIGKILL, power loss) after setting the old container aside.
        await DockerAsync("rename", "rp_kl", "rp_kl.netdsl-aside");
        await DockerAsync("stop", "-t", "0", "rp_kl.netdsl-aside");

        var (plan, planOut) = Netdsl("plan", file);
        Assert.That(plan, Is.EqualTo(2), planOut);
        Assert.That(planOut, Does.Contain("restore   container rp_kl.netdsl-aside: left by an interrupted replace"));
        Assert.That(planOut, Does.Not.Contain("remove    container rp_kl.netdsl-aside"), "it must not be removed as an orphan");
        var (code, output) = Netdsl("apply", file);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("done          rename rp_kl.netdsl-aside back to rp_kl"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.Id}} {{.State.Running}}", "rp_kl"), Is.EqualTo(id + " true"));
        Assert.That(Netdsl("plan", file).Code, Is.EqualTo(0));
        await AssertNothingLostAsync();
    }
}

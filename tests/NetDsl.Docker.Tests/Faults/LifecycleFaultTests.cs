using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// Ownership beyond the file name (`project NAME`), objects the file no longer declares (orphans), `destroy`, and
/// nftables tables of a family no longer declared.
/// </summary>
[TestFixture, NonParallelizable]
public class LifecycleFaultTests
{
    [SetUp]
    public void Lab() => Require();

    [TearDown]
    public Task PutBackAsync() => RestoreEngineAsync();

    [Test]
    public async Task Two_projects_with_the_same_file_name_never_touch_each_others_objects()
    {
        string a = File("a/lab.netdsl", "project lc-a\n" + Small("lc_same_nw_a", "fd00:f1::/64", "lc_same"));
        string b = File("b/lab.netdsl", "project lc-b\n" + Small("lc_same_nw_b", "fd00:f2::/64", "lc_same"));
        Assert.That(Netdsl("apply", a).Code, Is.EqualTo(0));
        string id = await DockerAsync("inspect", "-f", "{{.Id}}", "lc_same");
        Assert.That(await DockerAsync("inspect", "-f", "{{index .Config.Labels \"io.netdsl.source\"}}", "lc_same"), Is.EqualTo("lc-a"));

        var (code, output) = Netdsl("apply", b, "--replace");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("not-ours  container lc_same: container lc_same was created by NetDsl from lc-a, not from lc-b"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.Id}} {{.State.Running}}", "lc_same"), Is.EqualTo(id + " true"));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Without_a_project_objects_of_another_file_with_the_same_name_are_a_warning_not_orphans()
    {
        string a = File("c/lab.netdsl", Small("lc_fa_nw", "fd00:f3::/64", "lc_fa"));
        string b = File("d/lab.netdsl", Small("lc_fb_nw", "fd00:f4::/64", "lc_fb"));
        Assert.That(Netdsl("apply", a).Code, Is.EqualTo(0));
        var (plan, planOut) = Netdsl("plan", b);
        Assert.That(planOut, Does.Contain("warning   2 object(s) labelled io.netdsl.source=lab.netdsl"));
        Assert.That(planOut, Does.Contain("look like another file named lab.netdsl's"));
        Assert.That(planOut, Does.Not.Contain("remove    container lc_fa"));
        Assert.That(Netdsl("apply", b).Code, Is.EqualTo(0));
        Assert.That(await DockerAsync("inspect", "-f", "{{.State.Running}}", "lc_fa"), Is.EqualTo("true"));
        await DockerAsync("rm", "-f", "lc_fa", "lc_fb");
        await DockerAsync("network", "rm", "lc_fa_nw", "lc_fb_nw");
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Objects_no_longer_declared_are_shown_by_plan_and_removed_by_apply()
    {
        string v1 = File("lc-orphans.netdsl", "project lc-orphans\n" + Small("lc_or_nw", "fd00:f5::/64", "lc_or_keep", "lc_or_gone"));
        Assert.That(Netdsl("apply", v1).Code, Is.EqualTo(0));
        string keepId = await DockerAsync("inspect", "-f", "{{.Id}}", "lc_or_keep");
        string v2 = File("lc-orphans.netdsl", "project lc-orphans\n" + Small("lc_or_nw", "fd00:f5::/64", "lc_or_keep"));

        var (plan, planOut) = Netdsl("plan", v2);
        Assert.That(plan, Is.EqualTo(2), planOut);
        Assert.That(planOut, Does.Contain("remove    container lc_or_gone: created from this file and no longer declared"));
        var (code, output) = Netdsl("apply", v2);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("done          remove container lc_or_gone (no longer declared)"));
        Assert.That((await DockerAsync("ps", "-a", "--format", "{{.Names}}")).Split('\n'), Does.Not.Contain("lc_or_gone"));
        Assert.That(await DockerAsync("inspect", "-f", "{{.Id}}", "lc_or_keep"), Is.EqualTo(keepId));
        Assert.That(Netdsl("plan", v2).Code, Is.EqualTo(0));
        await AssertNothingLostAsync();
    }

    [Test]
    public async Task Destroy_removes_what_the_project_created_its_nftables_and_puts_daemon_json_keys_back()
    {
        string file = File("lc-destroy.netdsl", "project lc-destroy\n" + Small("lc_ds_nw", "fd00:f6::/64", "lc_ds_a", "lc_ds_b")
            .Replace("docker-host h { }", "docker-host h {\n  daemon { live-restore true }\n  masquerade ipv6 out-not lo\n}"));
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));
        Assert.That((await TryDockerAsync("inspect", "lc_ds_a")).Ok, Is.True);
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip6", "netdsl")).Succeeded, Is.True);
        Assert.That(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath), Does.Contain("live-restore"));

        var (code, output) = Netdsl("destroy", file);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("remove    container lc_ds_a"));
        Assert.That(output, Does.Contain("done          remove network lc_ds_nw"));
        Assert.That(output, Does.Contain("put back as before the first apply: live-restore"));
        var names = (await DockerAsync("ps", "-a", "--format", "{{.Names}}")).Split('\n');
        Assert.That(names, Does.Not.Contain("lc_ds_a").And.Not.Contain("lc_ds_b"));
        Assert.That((await DockerAsync("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Not.Contain("lc_ds_nw"));
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip6", "netdsl")).Succeeded, Is.False, "the nftables table is still there");
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(System.IO.File.ReadAllText(Dockerd.DaemonJsonPath)), JsonNode.Parse(UnrelatedJson)), Is.True,
            "daemon.json is not as it was before the first apply: " + System.IO.File.ReadAllText(Dockerd.DaemonJsonPath));
        await AssertNothingLostAsync();

        var (again, againOut) = Netdsl("destroy", file);
        Assert.That(again, Is.EqualTo(0), againOut);
        Assert.That(againOut, Does.Contain("nothing to remove"));
    }

    [Test]
    public async Task The_nftables_table_of_a_family_no_longer_declared_is_removed_in_both_families()
    {
        string both = File("lc-nft.netdsl", "project lc-nft\n" + Small("lc_nf_nw", "fd00:f7::/64")
            .Replace("docker-host h { }", "docker-host h {\n  masquerade ipv6 out-not lo\n  masquerade ipv4 out-not lo\n}"));
        Assert.That(Netdsl("apply", both).Code, Is.EqualTo(0));
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip", "netdsl")).Succeeded, Is.True);

        string v6only = File("lc-nft.netdsl", "project lc-nft\n" + Small("lc_nf_nw", "fd00:f7::/64").Replace("docker-host h { }", "docker-host h {\n  masquerade ipv6 out-not lo\n}"));
        var (plan, planOut) = Netdsl("plan", v6only);
        Assert.That(plan, Is.EqualTo(2), planOut);
        Assert.That(planOut, Does.Contain("remove    nftables table ip netdsl"));
        Assert.That(Netdsl("apply", v6only).Code, Is.EqualTo(0));
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip", "netdsl")).Succeeded, Is.False, "the ip table was left");
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip6", "netdsl")).Succeeded, Is.True);

        string none = File("lc-nft.netdsl", "project lc-nft\n" + Small("lc_nf_nw", "fd00:f7::/64"));
        Assert.That(Netdsl("apply", none).Code, Is.EqualTo(0));
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip6", "netdsl")).Succeeded, Is.False, "the ip6 table was left");
        Assert.That(Netdsl("plan", none).Code, Is.EqualTo(0));
        await AssertNothingLostAsync();
    }
}

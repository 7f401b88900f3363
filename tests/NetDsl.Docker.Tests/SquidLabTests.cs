using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NetDsl.Lab.Docker;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

/// <summary>
/// The seed scenario against a real dockerd of its own (namespace, daemon.json with unrelated keys, an unrelated
/// network and container): plan, apply, restart for the daemon.json change, verify, re-apply with zero changes,
/// drift, --replace. The unrelated keys, network and container must survive every step. Tests run in order.
/// </summary>
[TestFixture, NonParallelizable]
public class SquidLabTests
{
    private const string UnrelatedJson = "{\n  \"log-level\": \"warn\",\n  \"labels\": [\"fixture=unrelated\"],\n  \"shutdown-timeout\": 1\n}\n";
    private PrivateDockerd? _dockerd;

    private PrivateDockerd Dockerd => _dockerd ?? throw new InvalidOperationException("fixture not started");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        LabRequirement.RequireDockerd();
        if (!File.Exists("/usr/sbin/nft") && LabRequirement.FindOnPath("nft") is null) LabRequirement.RequireRootAndNamespaces("nft");
        _dockerd = await PrivateDockerd.StartAsync("ndsl-dk-" + Environment.ProcessId, UnrelatedJson);
        await _dockerd.ImportBusyboxAsync(TestModels.Image);
        await Docker("network", "create", "--subnet", "10.99.0.0/24", "unrelated_nw");
        await Docker("run", "-d", "-t", "--name", "unrelated_cnt", "--network", "unrelated_nw", TestModels.Image, "/bin/sh");
        // Stand in for the seed's uplink: ens192 with its address and the RA-learned routes (a veth; no dummy module here).
        var ns = _dockerd.Namespace;
        await ns.ExecCheckedAsync("ip", "link", "add", "ens192", "type", "veth", "peer", "name", "ens192-peer");
        await ns.ExecCheckedAsync("ip", "link", "set", "ens192", "up");
        await ns.ExecCheckedAsync("ip", "link", "set", "ens192-peer", "up");
        await ns.ExecCheckedAsync("ip", "addr", "add", "fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5/64", "dev", "ens192", "nodad");
        await ns.ExecCheckedAsync("ip", "-6", "route", "add", "default", "via", "fe80::1", "dev", "ens192", "proto", "ra");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_dockerd is not null) await _dockerd.DisposeAsync();
        if (_dockerd is not null)
        {
            Assert.That(Directory.Exists(_dockerd.Folder), Is.False, "dockerd folder left behind");
            Assert.That(NetDsl.Lab.Namespaces.NetworkNamespace.Exists(_dockerd.Name), Is.False, "namespace left behind");
        }
    }

    [Test, Order(1)]
    public void Plan_shows_creates_the_daemon_json_diff_and_the_restart()
    {
        var (code, output) = Cli("plan");
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("create    network br_ipv6_nw"));
        Assert.That(output, Does.Contain("create    container cnt01"));
        Assert.That(output, Does.Contain("+ \"ipv6\": true"));
        Assert.That(output, Does.Contain("restart   engine"));
        Assert.That(output, Does.Contain("live-restore is off: the restart stops unrelated_cnt"));
        Assert.That(output, Does.Contain("net.ipv6.conf.ens192.accept_ra: 1 -> 2"));
    }

    [Test, Order(2)]
    public async Task Apply_creates_everything_and_asks_for_the_restart()
    {
        var (code, output) = Cli("apply");
        Assert.That(code, Is.EqualTo(1), "a restart is still needed: " + output);
        Assert.That(output, Does.Contain("done          create network br_ipv6_nw"));
        Assert.That(output, Does.Contain("done          start container cnt01"));
        Assert.That(output, Does.Contain("manual        engine restart"));
        var json = JsonNode.Parse(File.ReadAllText(Dockerd.DaemonJsonPath))!.AsObject();
        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "log-level", "labels", "shutdown-timeout", "ipv6", "fixed-cidr-v6" }));
        Assert.That(File.ReadAllText(Dockerd.DaemonJsonPath + ".netdsl.bak"), Is.EqualTo(UnrelatedJson));
        Assert.That((await Dockerd.Namespace.ExecAsync("sysctl", "-n", "net.ipv6.conf.ens192.accept_ra")).StandardOutput.Trim(), Is.EqualTo("2"));
        Assert.That((await Dockerd.Namespace.ExecAsync("nft", "list", "table", "ip6", "netdsl")).StandardOutput, Does.Contain("masquerade"));
        await AssertUnrelatedSurvivedAsync();
    }

    [Test, Order(3)]
    public async Task After_the_restart_apply_converges_and_verify_passes()
    {
        await Dockerd.RestartAsync();
        var (plan, planOut) = Cli("plan");
        Assert.That(planOut, Does.Not.Contain("restart   engine"), "the running engine has ipv6 now");
        Assert.That(planOut, Does.Contain("complete  container cnt01 (start)"), "the restart stopped it");
        Assert.That(plan, Is.EqualTo(2));
        var (code, output) = Cli("apply");
        Assert.That(code, Is.EqualTo(0), output);
        var (verify, verifyOut) = Cli("verify", "--skip-external");
        Assert.That(verify, Is.EqualTo(0), verifyOut);
        Assert.That(verifyOut, Does.Contain("PASS container cnt01 eth0 link-local (EUI-64 of its MAC): expected fe80::42:acff:fe1a:2"));
        Assert.That(verifyOut, Does.Contain("PASS ping cnt01 -> fe80::1%eth0"));
        Assert.That(verifyOut, Does.Contain("SKIPPED ping cnt01 -> dns.google"));
        await AssertUnrelatedSurvivedAsync();
    }

    [Test, Order(4)]
    public void Second_apply_makes_no_mutating_call()
    {
        var (code, output) = Cli("apply");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("\n0 mutating engine call(s)"));
        var (plan, planOut) = Cli("plan");
        Assert.That(plan, Is.EqualTo(0), planOut);
    }

    [Test, Order(5)]
    public async Task Changed_setting_is_drift_naming_the_field_and_nothing_is_touched()
    {
        await Docker("tag", TestModels.Image, TestModels.Image + ":v2");
        var (code, output) = Cli("apply", "--set", "CNT01_IMAGE=" + TestModels.Image + ":v2");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("drift     container cnt01"));
        Assert.That(output, Does.Contain("image: expected netdsl-busybox:v2, engine has netdsl-busybox"));
        Assert.That(output, Does.Contain("nothing was changed"));
        var image = await Docker("inspect", "-f", "{{.Config.Image}}", "cnt01");
        Assert.That(image.Trim(), Is.EqualTo(TestModels.Image));
    }

    [Test, Order(6)]
    public async Task Replace_recreates_only_the_drifted_container()
    {
        var networkId = await Docker("network", "inspect", "-f", "{{.Id}}", "br_ipv6_nw");
        var (code, output) = Cli("apply", "--replace", "--set", "CNT01_IMAGE=" + TestModels.Image + ":v2");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("done          rename container cnt01 aside to cnt01.netdsl-aside"));
        Assert.That(output, Does.Contain("done          remove old container cnt01.netdsl-aside"));
        Assert.That((await Docker("inspect", "-f", "{{.Config.Image}}", "cnt01")).Trim(), Is.EqualTo(TestModels.Image + ":v2"));
        Assert.That(await Docker("network", "inspect", "-f", "{{.Id}}", "br_ipv6_nw"), Is.EqualTo(networkId), "the network was kept");
        var (verify, verifyOut) = Cli("verify", "--skip-external", "--set", "CNT01_IMAGE=" + TestModels.Image + ":v2");
        Assert.That(verify, Is.EqualTo(0), verifyOut);
        await AssertUnrelatedSurvivedAsync();
    }

    [Test, Order(7)]
    public void Unrelated_object_with_a_declared_name_is_never_touched()
    {
        string file = Path.Combine(Dockerd.Folder, "clash.netdsl");
        File.WriteAllText(file, "docker-host h { }\nnetwork unrelated_nw on h { subnet fd00:99::/64 }\n");
        var (code, output) = Cli(file, "plan", withOverrides: false);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("not-ours  network unrelated_nw"));
        Assert.That(output, Does.Contain("was not created by NetDsl"));
        var (apply, applyOut) = Cli(file, "apply", withOverrides: false, extra: "--replace");
        Assert.That(apply, Is.EqualTo(1), applyOut);
        Assert.That(applyOut, Does.Contain("nothing was changed"));
    }

    [Test, Order(8)]
    public async Task Missing_image_is_a_clear_error_before_anything_is_created()
    {
        string file = Path.Combine(Dockerd.Folder, "missing.netdsl");
        File.WriteAllText(file, "docker-host h { }\nnetwork miss_nw on h { subnet fd00:98::/64 }\ncontainer miss on miss_nw { image \"no-such-image:1\" }\n");
        var (code, output) = Cli(file, "apply", withOverrides: false);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("failed        container miss: image no-such-image:1 is not on the engine; pull or import it first"));
        Assert.That(output, Does.Contain("nothing was changed"));
        Assert.That(await Docker("network", "ls", "--format", "{{.Name}}"), Does.Not.Contain("miss_nw"));
        var (again, againOut) = Cli(file, "plan", withOverrides: false);
        Assert.That(againOut, Does.Contain("create    network miss_nw"));
        Assert.That(again, Is.EqualTo(1));
    }

    private async Task AssertUnrelatedSurvivedAsync()
    {
        Assert.That((await Docker("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Contain("unrelated_nw"));
        Assert.That((await Docker("ps", "-a", "--format", "{{.Names}}")).Split('\n'), Does.Contain("unrelated_cnt"));
        var json = JsonNode.Parse(File.ReadAllText(Dockerd.DaemonJsonPath))!.AsObject();
        Assert.That(json["log-level"]!.GetValue<string>(), Is.EqualTo("warn"));
        Assert.That(json["labels"]![0]!.GetValue<string>(), Is.EqualTo("fixture=unrelated"));
    }

    private async Task<string> Docker(params string[] args) => (await Dockerd.DockerAsync(args)).EnsureSuccess().StandardOutput;

    private (int Code, string Output) Cli(string command, params string[] extra) => Cli(RepoPaths.SquidExample, command, true, extra);

    private (int Code, string Output) Cli(string file, string command, bool withOverrides, params string[] extra)
    {
        var args = new[] { command, file, "--docker-host", Dockerd.Host, "--host-netns", Dockerd.Name }.ToList();
        if (command != "verify") args.AddRange(new[] { "--daemon-json", Dockerd.DaemonJsonPath });
        if (withOverrides) args.AddRange(new[] { "--set", "CNT01_IMAGE=" + TestModels.Image, "--set", "CNT01_COMMAND=/bin/sh" });
        args.AddRange(extra);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetDsl.Cli.Program.Run(args.ToArray(), stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine("$ netdsl " + string.Join(" ", args) + "\n" + output);
        return (code, output);
    }
}

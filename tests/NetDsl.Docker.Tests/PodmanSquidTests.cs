using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Podman;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

/// <summary>
/// The seed scenario against a real Podman 4.3 of its own (namespace, netavark, an unrelated network and container),
/// in the sequence <see cref="SquidLabTests"/> runs against dockerd: plan, apply, verify, re-apply with zero changes,
/// drift, --replace. The file is the seed with <c>engine podman 4.3</c>, without its daemon block (Podman has no
/// daemon.json: NDSL3202) and without the expects on the bridge's fe80::1 (Podman's bridge has only the kernel's
/// random link-local, which check says). Tests run in order.
/// </summary>
[TestFixture, NonParallelizable]
public class PodmanSquidTests
{
    private PrivatePodman? _podman;
    private string _file = "";

    private PrivatePodman Podman => _podman ?? throw new InvalidOperationException("fixture not started");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        LabRequirement.RequirePodman();
        LabRequirement.RequireRootAndNamespaces("nft");
        _podman = await PrivatePodman.StartAsync("ndsl-pm-" + Environment.ProcessId);
        await _podman.ImportBusyboxAsync(TestModels.Image);
        _file = Path.Combine(_podman.Folder, "squid-podman.netdsl");
        await File.WriteAllTextAsync(_file, EngineVariants.SquidOnPodman());
        await Docker("network", "create", "--subnet", "10.99.0.0/24", "unrelated_nw");
        await Docker("run", "-d", "-t", "--name", "unrelated_cnt", "--network", "unrelated_nw", TestModels.Image, "/bin/sh");
        var ns = _podman.Namespace;
        await ns.ExecCheckedAsync("ip", "link", "add", "ens192", "type", "veth", "peer", "name", "ens192-peer");
        await ns.ExecCheckedAsync("ip", "link", "set", "ens192", "up");
        await ns.ExecCheckedAsync("ip", "link", "set", "ens192-peer", "up");
        await ns.ExecCheckedAsync("ip", "addr", "add", "fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5/64", "dev", "ens192", "nodad");
        await ns.ExecCheckedAsync("ip", "-6", "route", "add", "default", "via", "fe80::1", "dev", "ens192", "proto", "ra");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_podman is null) return;
        await _podman.DisposeAsync();
        Assert.That(Directory.Exists(_podman.Folder), Is.False, "podman folder left behind");
        Assert.That(NetDsl.Lab.Namespaces.NetworkNamespace.Exists(_podman.Name), Is.False, "namespace left behind");
    }

    [Test, Order(1)]
    public void A_file_declaring_docker_is_refused_on_podman_naming_both()
    {
        var (code, output) = Cli(RepoPaths.SquidExample, "plan");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("is Podman 4.3 (4.3.1), but docker-host dockerhost declares engine docker 20.10"));
        Assert.That(output, Does.Contain("declare `engine podman 4.3`"));
    }

    [Test, Order(2)]
    public void A_daemon_block_on_podman_is_an_error_not_silently_ignored()
    {
        string file = Path.Combine(Podman.Folder, "daemon.netdsl");
        File.WriteAllText(file, File.ReadAllText(RepoPaths.SquidExample).Replace("  engine 20.10", "  engine podman 4.3"));
        var (code, output) = Cli(file, "plan");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("NDSL3202").And.Contain("Podman 4.3 has no daemon.json"));
    }

    [Test, Order(3)]
    public void Plan_shows_creates_and_no_daemon_json_or_restart()
    {
        var (code, output) = Cli(_file, "plan");
        Assert.That(code, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("create    network br_ipv6_nw"));
        Assert.That(output, Does.Contain("create    container cnt01"));
        Assert.That(output, Does.Not.Contain("daemon.json").And.Not.Contain("restart"));
    }

    [Test, Order(4)]
    public async Task Apply_creates_everything_and_verify_passes()
    {
        var (code, output) = Cli(_file, "apply");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("done          create network br_ipv6_nw"));
        Assert.That(output, Does.Contain("done          start container cnt01"));
        Assert.That((await Podman.Namespace.ExecAsync("nft", "list", "table", "ip6", "netdsl")).StandardOutput, Does.Contain("masquerade"));
        var (verify, verifyOut) = Cli(_file, "verify", "--skip-external");
        Assert.That(verify, Is.EqualTo(0), verifyOut);
        Assert.That(verifyOut, Does.Contain("PASS engine version: expected podman 4.3, observed podman 4.3"));
        Assert.That(verifyOut, Does.Contain("PASS container cnt01 eth0 has fd5a:ceb9:ed8d:1::2/64"));
        Assert.That(verifyOut, Does.Contain("PASS container cnt01 eth0 link-local (EUI-64 of its MAC): expected EUI-64 of the MAC"), "random MACs are observed, not failed");
        Assert.That(verifyOut, Does.Contain("PASS host dockerhost br_ipv6_nw has fd5a:ceb9:ed8d:1::1/64"), "Podman honours the bridge-name option");
        Assert.That(verifyOut, Does.Contain("PASS ping dockerhost -> cnt01"));
        await AssertUnrelatedSurvivedAsync();
    }

    [Test, Order(5)]
    public void Second_apply_makes_no_mutating_call()
    {
        var (code, output) = Cli(_file, "apply");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("\n0 mutating engine call(s)"));
        var (plan, planOut) = Cli(_file, "plan");
        Assert.That(plan, Is.EqualTo(0), planOut);
    }

    [Test, Order(6)]
    public async Task Changed_setting_is_drift_and_replace_recreates_only_the_container()
    {
        await Docker("tag", TestModels.Image, TestModels.Image + ":v2");
        var (code, output) = Cli(_file, "apply", "--set", "CNT01_IMAGE=" + TestModels.Image + ":v2");
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("drift     container cnt01"));
        var networkId = await Docker("network", "inspect", "-f", "{{.Id}}", "br_ipv6_nw");
        var (replace, replaceOut) = Cli(_file, "apply", "--replace", "--set", "CNT01_IMAGE=" + TestModels.Image + ":v2");
        Assert.That(replace, Is.EqualTo(0), replaceOut);
        Assert.That(replaceOut, Does.Contain("done          remove container cnt01"));
        Assert.That(await Docker("network", "inspect", "-f", "{{.Id}}", "br_ipv6_nw"), Is.EqualTo(networkId), "the network was kept");
        var (verify, verifyOut) = Cli(_file, "verify", "--skip-external", "--set", "CNT01_IMAGE=" + TestModels.Image + ":v2");
        Assert.That(verify, Is.EqualTo(0), verifyOut);
        await AssertUnrelatedSurvivedAsync();
    }

    [Test, Order(7)]
    public void An_engine_named_bridge_is_found_through_libpod()
    {
        string file = Path.Combine(Podman.Folder, "named.netdsl");
        File.WriteAllText(file, "docker-host h { engine podman 4.3 }\nnetwork unnamed on h { subnet fd00:97::/64 }\ncontainer un1 on unnamed { image \"" + TestModels.Image + "\"  command [\"/bin/sh\"]  tty  interactive }\n");
        var (code, output) = Cli(file, "apply");
        Assert.That(code, Is.EqualTo(0), output);
        var (verify, verifyOut) = Cli(file, "verify");
        Assert.That(verify, Is.EqualTo(0), verifyOut);
        Assert.That(verifyOut, Does.Match(@"PASS host h route fd00:97::/64: expected fd00:97::/64 dev bridge of unnamed, observed fd00:97::/64 dev podman\d+"));
    }

    private async Task AssertUnrelatedSurvivedAsync()
    {
        Assert.That((await Docker("network", "ls", "--format", "{{.Name}}")).Split('\n'), Does.Contain("unrelated_nw"));
        Assert.That((await Docker("ps", "-a", "--format", "{{.Names}}")).Split('\n'), Does.Contain("unrelated_cnt"));
    }

    private async Task<string> Docker(params string[] args) => (await Podman.DockerAsync(args)).EnsureSuccess().StandardOutput;

    private (int Code, string Output) Cli(string file, string command, params string[] extra)
    {
        var args = new[] { command, file, "--docker-host", Podman.Host, "--host-netns", Podman.Name }.ToList();
        args.AddRange(new[] { "--set", "CNT01_IMAGE=" + TestModels.Image, "--set", "CNT01_COMMAND=/bin/sh" }.Where(_ => File.ReadAllText(file).Contains("CNT01_IMAGE")));
        args.AddRange(extra);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetDsl.Cli.Program.Run(args.ToArray(), stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine("$ netdsl " + string.Join(" ", args) + "\n" + output);
        return (code, output);
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Docker;
using NetDsl.Lab;
using NetDsl.Docker.Processes;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Labs;

/// <summary>
/// `netdsl lab up|test|down` for real on the examples (root, dockerd): every expect passes and agrees with trace,
/// a second up is refused, and down leaves no namespace, process, mount, folder or state file — also after dockerd
/// was killed under the lab. Each test uses a lab name of its own, so runs by other people never collide.
/// </summary>
[TestFixture, NonParallelizable]
public class LabLifecycleTests
{
    [OneTimeSetUp]
    public void Require()
    {
        LabRequirement.RequireDockerd();
        LabRequirement.RequireRootAndNamespaces("ip6tables-restore", "conntrack", "tcpdump", "nft", "ping");
    }

    [TestCase("squid-ipv6", 5, "FWdc01 ethernet1/1.999 -> ethernet1-1.999", "cnt01 -> dns.google  (src at isp uplink 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5 = trace; conntrack on dockerhost")]
    [TestCase("two-hosts", 5, "FWdc02 ethernet1/2.252 -> ethernet1-2.252", "web2 -> www  (src at isp uplink 2001:db8:ff20:6931::2 = trace)")]
    public void Up_test_down_passes_every_expect_and_leaves_nothing(string example, int expects, string mapLine, string expectLine)
    {
        var name = UniqueName();
        string file = Path.Combine(RepoPaths.Examples, example, "lab.netdsl");
        try
        {
            var (up, upOut) = Cli("up", file, name);
            Assert.That(up, Is.EqualTo(0), upOut);
            Assert.That(upOut, Does.Contain("interface names (vendor -> Linux):").And.Contain(mapLine));
            Assert.That(upOut, Does.Contain($"lab {name} is up"));

            var (test, testOut) = Cli("test", file, name);
            Assert.That(test, Is.EqualTo(0), testOut);
            Assert.That(testOut.Split('\n').Count(l => l.StartsWith("ok    ", StringComparison.Ordinal)), Is.EqualTo(expects), testOut);
            Assert.That(testOut, Does.Contain(expectLine));
            Assert.That(testOut, Does.Contain($"lab test: {expects} of {expects} expects passed"));

            var (again, againOut) = Cli("up", file, name);
            Assert.That(again, Is.EqualTo(1), againOut);
            Assert.That(againOut, Does.Contain($"lab {name} already exists").And.Contain("netdsl lab down"));
        }
        finally
        {
            var (down, downOut) = Cli("down", file, name);
            Assert.That(down, Is.EqualTo(0), downOut);
            AssertNothingLeft(name);
        }
    }

    [Test]
    public async Task Down_cleans_up_after_dockerd_was_killed_under_the_lab()
    {
        var name = UniqueName();
        string file = RepoPaths.SquidExample;
        int containerPid = 0;
        try
        {
            var (up, upOut) = Cli("up", file, name);
            Assert.That(up, Is.EqualTo(0), upOut);
            var dockerd = PrivateDockerd.Attach(name.Namespace("dockerhost"));
            var pid = (await dockerd.DockerAsync("inspect", "-f", "{{.State.Pid}}", "cnt01")).EnsureSuccess().StandardOutput.Trim();
            containerPid = int.Parse(pid, CultureInfo.InvariantCulture);
            Assert.That(ProcessTree.IsAlive(containerPid), Is.True);
            // The crash: dockerd gone without any cleanup; containerd, the shim and the container stay behind.
            await ProcessTree.KillAsync(new[] { dockerd.Pid!.Value });
            await Task.Delay(300);

            var (test, testOut) = Cli("test", file, name);
            Assert.That(test, Is.EqualTo(1), testOut);
            Assert.That(testOut, Does.Contain("FAIL  cnt01 -> dns.google"));
        }
        finally
        {
            var (down, downOut) = Cli("down", file, name);
            Assert.That(down, Is.EqualTo(0), downOut);
            AssertNothingLeft(name);
            if (containerPid > 0) Assert.That(ProcessTree.IsAlive(containerPid), Is.False, "the container's process outlived down");
        }
    }

    [Test]
    public void Test_and_down_of_a_lab_that_is_not_up()
    {
        var name = UniqueName();
        var (test, testOut) = Cli("test", RepoPaths.SquidExample, name);
        Assert.That(test, Is.EqualTo(1));
        Assert.That(testOut, Does.Contain("is not up").And.Contain("netdsl lab up"));
        var (down, downOut) = Cli("down", RepoPaths.SquidExample, name);
        Assert.That(down, Is.EqualTo(0), downOut);
        Assert.That(downOut, Does.Contain("nothing to remove"));
    }

    private static void AssertNothingLeft(LabName name)
    {
        Assert.That(LabDown.Leftovers(name), Is.Empty);
        Assert.That(ProcessTree.WithCommandLineContaining(PrivateDockerd.FolderFor(name.Prefix)), Is.Empty, "processes of the lab's dockerd");
        Assert.That(File.ReadAllText("/proc/self/mounts"), Does.Not.Contain(name.Prefix), "mounts");
    }

    private static int _counter;

    /// <summary>"t" + up to 5 hex digits of the test process id + a counter: at most 8 characters.</summary>
    private static LabName UniqueName() =>
        new("t" + (Environment.ProcessId % 0xfffff).ToString("x", CultureInfo.InvariantCulture) + (++_counter).ToString(CultureInfo.InvariantCulture));

    private static (int Code, string Output) Cli(string verb, string file, LabName name)
    {
        var args = new[] { "lab", verb, file, "--name", name.Short };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int code = NetDsl.Cli.Program.Run(args, stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine($"$ netdsl {string.Join(" ", args)}   ({clock.Elapsed.TotalSeconds:0.0} s, exit {code})\n{output}");
        return (code, output);
    }
}

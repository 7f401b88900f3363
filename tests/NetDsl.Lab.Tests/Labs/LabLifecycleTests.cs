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

    [TestCase("squid-ipv6", 5, "FWdc01 ethernet1/1.999 -> ethernet1-1.999",
        "expect ping cnt01 -> dns.google  (trace: reached; lab: reply, request seen at isp from 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5; src 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5 = trace; conntrack on dockerhost")]
    [TestCase("two-hosts", 5, "FWdc02 ethernet1/2.252 -> ethernet1-2.252",
        "expect ping web2 -> www  (trace: reached; lab: reply, request seen at isp from 2001:db8:ff20:6931::2; src 2001:db8:ff20:6931::2 = trace)")]
    public void Up_test_down_passes_every_expect_and_leaves_nothing(string example, int expects, string mapLine, string expectLine)
    {
        var name = UniqueName();
        string file = Path.Combine(RepoPaths.Examples, example, "lab.netdsl");
        try
        {
            var (up, upOut) = Cli("up", file, name);
            Assert.That(up, Is.EqualTo(0), upOut);
            Assert.That(upOut, Does.Contain("interface names (vendor -> Linux").And.Contain(mapLine));
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
            Assert.That(testOut, Does.Contain("ERROR expect ping cnt01 -> dns.google"), "the lab cannot tell without its engine");
        }
        finally
        {
            var (down, downOut) = Cli("down", file, name);
            Assert.That(down, Is.EqualTo(0), downOut);
            AssertNothingLeft(name);
            if (containerPid > 0) Assert.That(ProcessTree.IsAlive(containerPid), Is.False, "the container's process outlived down");
        }
    }

    /// <summary>
    /// A file whose expects fail is built all the same, and `lab test` pings every expect — the broken one, a negative
    /// one, IPv4 ones — reporting trace's verdict and the lab's in the documented JSON.
    /// </summary>
    [Test]
    public void Failed_and_negative_expects_are_labbed_and_reported_as_json()
    {
        var name = UniqueName();
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-labjson-" + name.Short);
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "lab.netdsl");
        File.WriteAllText(file, File.ReadAllText(RepoPaths.SquidExample)
            + "expect no-ping isp -> cnt01\n"          // holds: the upstream has no route to the unique-local network
            + "expect ping isp -> cnt01\n"             // fails, and trace says so
            + "expect ping cnt01 -> 172.26.0.1\n"      // IPv4 to the bridge
            + "expect ping dockerhost -> 172.26.0.2\n");
        try
        {
            var (up, upOut) = Cli("up", file, name);
            Assert.That(up, Is.EqualTo(0), upOut);
            Assert.That(upOut, Does.Contain("error NDSL6001: expect ping isp -> cnt01").And.Contain("built anyway"));

            var (test, json) = CliStdout("test", file, name, "--format", "json");
            Assert.That(test, Is.EqualTo(1), json);
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var byExpect = doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("expect").GetString()!);
            Assert.That(byExpect, Has.Count.EqualTo(9));
            foreach (var e in byExpect.Values)
                foreach (var field in new[] { "expect", "kind", "traceReached", "labReached", "holds", "agree", "traceSource", "labSource", "error" })
                    Assert.That(e.TryGetProperty(field, out _), Is.True, field);

            var blocked = byExpect["expect no-ping isp -> cnt01"];
            Assert.That(blocked.GetProperty("kind").GetString(), Is.EqualTo("no-ping"));
            Assert.That((blocked.GetProperty("traceReached").GetBoolean(), blocked.GetProperty("labReached").GetBoolean()), Is.EqualTo((false, false)));
            Assert.That((blocked.GetProperty("holds").GetBoolean(), blocked.GetProperty("agree").GetBoolean()), Is.EqualTo((true, true)));
            Assert.That(blocked.GetProperty("labSource").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "nothing reached cnt01");

            var broken = byExpect["expect ping isp -> cnt01"];
            Assert.That((broken.GetProperty("holds").GetBoolean(), broken.GetProperty("agree").GetBoolean()), Is.EqualTo((false, true)), "fails, as trace says");

            foreach (var v4 in new[] { "expect ping cnt01 -> 172.26.0.1", "expect ping dockerhost -> 172.26.0.2" })
            {
                var e = byExpect[v4];
                Assert.That((e.GetProperty("labReached").GetBoolean(), e.GetProperty("agree").GetBoolean()), Is.EqualTo((true, true)), v4);
                Assert.That(e.GetProperty("labSource").GetString(), Is.EqualTo(e.GetProperty("traceSource").GetString()), v4);
            }
            Assert.That(byExpect["expect ping cnt01 -> dns.google"].GetProperty("labSource").GetString(), Is.EqualTo("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5"));
        }
        finally
        {
            var (down, downOut) = Cli("down", file, name);
            Assert.That(down, Is.EqualTo(0), downOut);
            AssertNothingLeft(name);
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Issue 11's classes in one lab (Files/truth-classes.netdsl): several NPTv6 rules first-match, a subnet reused on two
    /// unrouted hosts, IPv4 through Docker, a router and a firewall, an engine-named bridge read from the engine, negative
    /// expects, and container-to-container pings crossing the host's masquerade. Every expect holds and agrees with trace.
    /// </summary>
    [Test]
    public void Issue_11_classes_hold_and_agree_in_the_lab()
    {
        var name = UniqueName();
        string file = Path.Combine(TestContext.CurrentContext.TestDirectory, "Labs", "Files", "truth-classes.netdsl");
        try
        {
            var (up, upOut) = Cli("up", file, name);
            Assert.That(up, Is.EqualTo(0), upOut);
            Assert.That(System.Text.RegularExpressions.Regex.IsMatch(upOut, @"h1 br-<n1 id> -> br-[0-9a-f]{12}\n"), Is.True, "the engine's bridge name, read from the engine:\n" + upOut);
            var (test, testOut) = Cli("test", file, name);
            Assert.That(test, Is.EqualTo(0), testOut);
            Assert.That(testOut, Does.Contain("lab test: 10 of 10 expects passed"));
            Assert.That(testOut, Does.Contain("ok    expect ping c1 -> c1b  (trace: reached; lab: reply, request seen at c1b from fd00:1::1; src fd00:1::1 = trace"));
            Assert.That(testOut, Does.Contain("ok    expect ping r -> www  (trace: reached; lab: reply, request seen at isp from 2001:db8:66fc:0:6947::2"));
        }
        finally
        {
            var (down, downOut) = Cli("down", file, name);
            Assert.That(down, Is.EqualTo(0), downOut);
            AssertNothingLeft(name);
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

    /// <summary>Only what the command wrote to stdout (a JSON document), stderr logged.</summary>
    private static (int Code, string Output) CliStdout(string verb, string file, LabName name, params string[] more)
    {
        var args = new[] { "lab", verb, file, "--name", name.Short }.Concat(more).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = NetDsl.Cli.Program.Run(args, stdout, stderr);
        TestContext.Out.WriteLine($"$ netdsl {string.Join(" ", args)}   (exit {code})\n{stdout}{stderr}");
        return (code, stdout.ToString());
    }

    private static (int Code, string Output) Cli(string verb, string file, LabName name, params string[] more)
    {
        var args = new[] { "lab", verb, file, "--name", name.Short }.Concat(more).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int code = NetDsl.Cli.Program.Run(args, stdout, stderr);
        string output = stdout + stderr.ToString();
        TestContext.Out.WriteLine($"$ netdsl {string.Join(" ", args)}   ({clock.Elapsed.TotalSeconds:0.0} s, exit {code})\n{output}");
        return (code, output);
    }
}

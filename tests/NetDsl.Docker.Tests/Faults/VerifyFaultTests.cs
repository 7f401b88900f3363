using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// `verify` runs `expect no-ping` too: the blocked path passes while nothing answers, and fails — naming the reply —
/// once something on the way answers (here an address added to the engine host's namespace behind the gateway).
/// </summary>
[TestFixture, NonParallelizable]
public class VerifyFaultTests
{
    [SetUp]
    public void Lab() => Require();

    [TearDown]
    public Task PutBackAsync() => RestoreEngineAsync();

    [Test]
    public async Task An_expect_no_ping_passes_while_blocked_and_fails_when_a_reply_comes()
    {
        string file = File("vf-noping.netdsl", Small("vf_nw", "fd00:d1::/64", "vf_c") + "expect no-ping vf_c -> fd00:9d9::1\n");
        Assert.That(Netdsl("apply", file).Code, Is.EqualTo(0));

        // An address no other fault test's network uses (the shared engine keeps their bridges and gateways).
        var blocked = Netdsl("verify", file);
        Assert.That(blocked.Output, Does.Contain("no-ping vf_c -> fd00:9d9::1"), blocked.Output);
        Assert.That(blocked.Code, Is.EqualTo(0), blocked.Output);

        var ns = Dockerd.Name;
        (await ProcessRunner.RunAsync("ip", new[] { "-n", ns, "addr", "add", "fd00:9d9::1/128", "dev", "lo" })).EnsureSuccess();
        try
        {
            var open = Netdsl("verify", file);
            Assert.That(open.Code, Is.EqualTo(1), open.Output);
            Assert.That(open.Output, Does.Contain("bytes from fd00:9d9::1"));
            Assert.That(open.Output, Does.Contain("the path is open"));
            Assert.That(open.Output, Does.Not.Contain("   at "));
        }
        finally
        {
            await ProcessRunner.RunAsync("ip", new[] { "-n", ns, "addr", "del", "fd00:9d9::1/128", "dev", "lo" });
        }
        await AssertNothingLostAsync();
    }
}

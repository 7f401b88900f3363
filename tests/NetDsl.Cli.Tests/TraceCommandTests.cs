using System.Text.Json;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Cli.Tests;

public class TraceCommandTests
{
    [Test]
    public void Table_shows_every_hop_and_rewrite_of_the_seed_path()
    {
        var run = CliRun.Of("trace", RepoPaths.SquidExample, "cnt01", "dns.google");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Out + run.Error);
        Assert.That(run.Out, Does.Contain("masquerade: source fd5a:ceb9:ed8d:1::2 => fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));
        Assert.That(run.Out, Does.Contain("route ::/0 via fd5a:ceb9:ed8d:fefc::1 dev Vlan252"));
        Assert.That(run.Out, Does.Contain("nptv6-out: source fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5 => 2001:db8:ff00:ff66:78e4:61d8:20eb:aba5"));
        Assert.That(run.Out, Does.Contain("result: ok"));
    }

    [Test]
    public void Json_is_machine_readable()
    {
        var run = CliRun.Of("trace", RepoPaths.SquidExample, "cnt01", "2001:4860:4860::8888", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetProperty("succeeded").GetBoolean(), Is.True);
        var forward = doc.RootElement.GetProperty("forward");
        Assert.That(forward.GetArrayLength(), Is.EqualTo(5));
        Assert.That(forward[3].GetProperty("rewrites")[0].GetProperty("to").GetString(), Is.EqualTo("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5"));
    }

    [Test]
    public void Overridden_prefix_moves_the_translation() =>
        Assert.That(CliRun.Of("trace", RepoPaths.SquidExample, "cnt01", "dns.google", "--set", "ROUTINGPREFIX=2001:db8:aaaa::/48").Out,
            Does.Contain("=> 2001:db8:aaaa:ff66:"));

    [Test]
    public void Broken_path_exits_1_and_names_the_hop()
    {
        var run = CliRun.Of("trace", RepoPaths.SquidExample, "Rdc01", "dns.google");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Out, Does.Contain("result: BROKEN at FWdc01: reply: the return path does not come back through the same translation"));
    }

    [Test]
    public void Unknown_endpoint_is_a_bad_argument_like_a_bad_address()
    {
        var from = CliRun.Of("trace", RepoPaths.SquidExample, "nobody", "dns.google");
        Assert.That(from.ExitCode, Is.EqualTo(64), from.Error);
        Assert.That(from.Error, Does.Contain("trace from 'nobody': no host, container or device of that name is declared"));
        var to = CliRun.Of("trace", RepoPaths.SquidExample, "cnt01", "dns.gogle");
        Assert.That(to.ExitCode, Is.EqualTo(64), to.Error);
        Assert.That(to.Error, Does.Contain("Did you mean 'dns.google'?"));
        // An external host cannot send a ping: also a bad argument.
        Assert.That(CliRun.Of("trace", RepoPaths.SquidExample, "dns.google", "cnt01").ExitCode, Is.EqualTo(64));
        var badAddress = CliRun.Of("trace", RepoPaths.SquidExample, "cnt01", "fd00::zz::1");
        Assert.That(badAddress.ExitCode, Is.EqualTo(64), badAddress.Error);
    }
}

using System.IO;
using System.Linq;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Captures.Tests.Verification;

/// <summary>`netdsl verify FILE --captures DIR` in process: output lines, exit codes, no engine contacted.</summary>
public class VerifyCapturesCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // An engine address nothing listens on: with --captures it must never be used.
        int exit = NetDsl.Cli.Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static (int Exit, string Out, string Err) Verify(string directory, params string[] more) =>
        Run(new[] { "verify", RepoPaths.SquidExample, "--captures", directory, "--docker-host", "unix:///nonexistent/docker.sock" }.Concat(more).ToArray());

    [Test]
    public void The_seed_passes_with_one_line_per_fact_and_a_summary()
    {
        var (exit, output, _) = Verify(SeedCaptures.Directory);
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("PASS network br_ipv6_nw Gateway6: expected fd5a:ceb9:ed8d:1::1, observed (none: the engine's default, fd5a:ceb9:ed8d:1::1) ("));
        Assert.That(output, Does.Contain("PASS firewall FWdc01 NAT rule nat66_NPTv6_to_internet TranslatedSource: expected 2001:db8:ff00:ff66::/64, observed ROUTINGPREFIX:ff66::/64"));
        Assert.That(output, Does.Contain("NOT-COVERED engine version: expected docker 20.10"));
        Assert.That(output, Does.Contain("verify (captures): 30 passed, 0 failed, 11 not covered, 0 capture errors"));
        Assert.That(output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(42), "41 facts and the summary");
    }

    [Test]
    public void Exit_0_when_nothing_fails()
    {
        using var copy = new CaptureCopy();
        // What the inspect of a network created with --gateway (as NetDsl creates it) prints.
        copy.Replace(SeedCaptures.DockerInspect, "\"Subnet\": \"fd5a:ceb9:ed8d:1::/64\"", "\"Subnet\": \"fd5a:ceb9:ed8d:1::/64\",\n                    \"Gateway\": \"fd5a:ceb9:ed8d:1::1\"");
        var (exit, output, error) = Verify(copy.Directory);
        Assert.That(exit, Is.EqualTo(0), output + error);
        Assert.That(output, Does.Contain("verify (captures): 30 passed, 0 failed, 11 not covered, 0 capture errors"));
    }

    [Test]
    public void A_malformed_capture_is_an_error_naming_file_and_line_and_exit_1()
    {
        using var copy = new CaptureCopy();
        copy.Replace(SeedCaptures.ContainerRoutes, "fe80::/64 dev eth0", "fe80::zz/64 dev eth0");
        var (exit, output, error) = Verify(copy.Directory);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain("netdsl: capture error: " + copy.PathOf(SeedCaptures.ContainerRoutes) + ":3: "));
        Assert.That(error, Does.Not.Contain("internal error"));
        Assert.That(output, Does.Contain("1 capture errors"));
    }

    [Test]
    public void Garbage_and_unknown_commands_never_throw()
    {
        using var copy = new CaptureCopy();
        copy.Write("notes.txt", "nothing to see here\n");
        copy.Write("FWdc01.nat-policy.txt", "\"nat66_NPTv6_to_internet; index: 1\" {\n  nat-type nptv6;\n");
        copy.Write("dockerhost.docker-network-inspect.br_ipv6_nw.json", "[ { \"Name\": \"br_ipv6_nw\", ");
        copy.Write("cnt01.ip-addr.txt", "\0\u0001\u00ff binary \r\n\r\n");
        var (exit, output, error) = Verify(copy.Directory);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain(copy.PathOf("notes.txt") + ":1: Cannot tell which command printed this file"));
        Assert.That(error, Does.Contain(copy.PathOf("FWdc01.nat-policy.txt") + ":1: "));
        Assert.That(error, Does.Not.Contain("internal error"));
        Assert.That(output, Does.Contain("verify (captures): "));
    }

    [Test]
    public void A_missing_directory_is_a_usage_error()
    {
        var (exit, _, error) = Verify(Path.Combine(Path.GetTempPath(), "netdsl-no-such-captures"));
        Assert.That(exit, Is.EqualTo(64));
        Assert.That(error, Does.Contain("no such directory"));
    }

    [Test]
    public void Set_overrides_reach_the_redaction()
    {
        var (exit, output, _) = Verify(SeedCaptures.Directory, "--set", "ROUTINGPREFIX=2001:db8:aaaa::/48");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("PASS firewall FWdc01 ethernet1/1.999 address: expected 2001:db8:aaaa:ffff:192:168:1:250/64, observed ROUTINGPREFIX:ffff:192:168:1:250/64"));
        Assert.That(output, Does.Contain("0 failed"));
    }
}

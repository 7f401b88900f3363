using System.IO;
using NetDsl.Cli;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Cli;

/// <summary>
/// `netdsl nptv6 run` refuses what it cannot run before opening anything (usage exit 64, a message naming the fix), and
/// several --inside/--outside pairs make one rule of several mappings, for `run` and the other subcommands alike. The
/// running gateway itself is tested against the kernel in Nptv6PacketOracleTests and the lab in LabTranslatorTests.
/// </summary>
public class Nptv6RunCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] Pair = { "--inside", "fd00:1::/64", "--outside", "2001:db8:1::/64" };

    [TestCase(new[] { "--tun", "a", "--nfqueue", "1" }, "give one data path")]
    [TestCase(new[] { "--xdp", "eth0" }, "give INSIDE,OUTSIDE")]
    [TestCase(new[] { "--xdp", "eth0,eth0" }, "two different interfaces")]
    [TestCase(new[] { "--nfqueue", "65535" }, "use 0-65534")]
    [TestCase(new[] { "--nfqueue", "5", "--route" }, "--route is for --tun")]
    [TestCase(new[] { "--tun", "much-too-long-name" }, "1-15 characters")]
    [TestCase(new[] { "--queues", "0" }, "use 1-64")]
    [TestCase(new[] { "--mtu", "1000" }, "1280-65535")]
    [TestCase(new[] { "--batch", "0" }, "batch size 0")]
    public void Bad_options_are_refused_before_anything_opens(string[] options, string message)
    {
        var (exit, _, error) = Run(new[] { "nptv6", "run" }.Concat(Pair, options));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), error);
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void A_rule_is_needed()
    {
        Assert.That(Run("nptv6", "run").Exit, Is.EqualTo(ExitCodes.Usage));
        var (exit, _, error) = Run("nptv6", "run", "--inside", "fd00:1::/64");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("1 --inside and 0 --outside"));
        (exit, _, error) = Run("nptv6", "run", RepoPaths.SquidExample);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("needs --rule NAME"));
        (exit, _, error) = Run("nptv6", "run", RepoPaths.SquidExample, "--rule", "nope");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("nat66_NPTv6_to_internet"));
    }

    [Test]
    public void Pairs_make_mappings_used_first_match()
    {
        var (exit, output, error) = Run("nptv6", "translate", "--inside", "fd01:203:405::/48", "--outside", "2001:db8:1::/48",
            "--inside", "fd5a:ceb9:ed8d:fe0a::/64", "--outside", "2001:db8:ff00:ff66::/64", "fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5", "fd01:203:405:1::1234");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Is.EqualTo("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5\n2001:db8:1:d550::1234\n"));

        (exit, _, error) = Run("nptv6", "translate", "--inside", "fd01:203:405::/48", "--outside", "2001:db8:1::/48", "--inside", "fd02::/48", "fd01:203:405:1::1234");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("2 --inside and 1 --outside"));
    }
}

internal static class ArrayConcat
{
    public static string[] Concat(this string[] first, params string[][] rest)
    {
        var all = new System.Collections.Generic.List<string>(first);
        foreach (var r in rest) all.AddRange(r);
        return all.ToArray();
    }
}

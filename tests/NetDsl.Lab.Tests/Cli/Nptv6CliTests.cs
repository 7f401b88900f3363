using System.IO;
using NetDsl.Addressing;
using NetDsl.Pcap;
using NetDsl.Cli;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Cli;

/// <summary>`netdsl nptv6 …` through Program.Run (no lab needed; they live here to avoid a project for a handful of tests).</summary>
public class Nptv6CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Translate_prints_the_rfc_example_in_rfc5952_form()
    {
        var (exit, output, error) = Run("nptv6", "translate", "--inside", "FD01:0203:0405::/48", "--outside", "2001:0DB8:0001::/48", "FD01:0203:0405:0001::1234");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Is.EqualTo("2001:db8:1:d550::1234\n"));
    }

    [Test]
    public void Translate_inbound_reverses_it()
    {
        var (exit, output, _) = Run("nptv6", "translate", "--inbound", "--inside", "fd01:203:405::/48", "--outside", "2001:db8:1::/48", "2001:db8:1:d550::1234");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output.Trim(), Is.EqualTo("fd01:203:405:1::1234"));
    }

    [Test]
    public void Untranslatable_address_says_why_and_exits_non_zero()
    {
        var (exit, output, error) = Run("nptv6", "translate", "--inside", "fd01:203:405::/48", "--outside", "2001:db8:1::/48", "fd01:203:405:ffff::1", "fd01:203:405:1::1");
        Assert.That(exit, Is.EqualTo(ExitCodes.Failure));
        Assert.That(error, Does.Contain("fd01:203:405:ffff::1").And.Contain("0xffff"));
        Assert.That(output.Trim(), Is.EqualTo("2001:db8:1:d550::1"), "the translatable one is still printed");

        var (linuxExit, linuxOutput, _) = Run("nptv6", "translate", "--linux", "--inside", "fd01:203:405::/48", "--outside", "2001:db8:1::/48", "fd01:203:405:ffff::1");
        Assert.That(linuxExit, Is.EqualTo(0));
        Assert.That(linuxOutput.Trim(), Is.EqualTo("2001:db8:1:d54f::1"), "what Linux SNPT produced in the oracle lab");
    }

    [TestCase("fd00::1/64", "2001:db8::/64", "bits set")]
    [TestCase("fd00::/96", "2001:db8::/96", "longer than /64")]
    [TestCase("nonsense", "2001:db8::/64", "not a prefix")]
    public void Bad_prefixes_give_a_message_and_usage_exit(string inside, string outside, string message)
    {
        var (exit, _, error) = Run("nptv6", "translate", "--inside", inside, "--outside", outside, "fd00::1");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public void Mixed_lengths_warn_but_translate()
    {
        var (exit, output, error) = Run("nptv6", "translate", "--inside", "fd00:1:2::/48", "--outside", "2001:db8:4:5::/64", "fd00:1:2::1");
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(error, Does.Contain("warning").And.Contain("not reversible"));
        Assert.That(IpPrefix.Parse("2001:db8:4:5::/64").Contains(IpAddress.Parse(output.Trim())), Is.True);
    }

    [Test]
    public void Pcap_rewrites_a_capture()
    {
        var inside = IpAddress.Parse("fd01:203:405:1::1234");
        var remote = IpAddress.Parse("2001:db8:ffff::1");
        string input = Path.GetTempFileName(), output = Path.GetTempFileName();
        try
        {
            using (var stream = File.Create(input))
                PcapFile.FromIpv6Packets(new[] { Ipv6TestPackets.Udp(inside, remote, 1, 2, new byte[] { 3 }) }).Write(stream);
            var (exit, summary, error) = Run("nptv6", "pcap", "--inside", "fd01:203:405::/48", "--outside", "2001:db8:1::/48", input, output);
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(summary, Does.StartWith("1 packets: 1 outbound"));
            using var read = File.OpenRead(output);
            Assert.That(PcapFile.TryRead(read, out var rewritten, out _), Is.True);
            Assert.That(Ipv6TestPackets.Source(rewritten!.Records[0].Data), Is.EqualTo(IpAddress.Parse("2001:db8:1:d550::1234")));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Test]
    public void Pcap_with_a_missing_or_bad_file_is_a_usage_error()
    {
        var (exit, _, error) = Run("nptv6", "pcap", "--inside", "fd01::/48", "--outside", "2001:db8:1::/48", "/nonexistent/in.pcap", "/tmp/out.pcap");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("cannot read"));
    }
}

using System.IO;
using NetDsl.Addressing;
using NetDsl.Pcap;
using NetDsl.Cli;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Cli;

/// <summary>`netdsl nptv6 translate|pcap FILE --rule NAME …` on the seed example (no lab needed).</summary>
public class Nptv6RuleFileCliTests
{
    private const string Rule = "nat66_NPTv6_to_internet";
    private static string Lab => RepoPaths.SquidExample;

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Translate_uses_the_rule_of_the_file()
    {
        var (exit, output, error) = Run("nptv6", "translate", Lab, "--rule", Rule, "fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output, Is.EqualTo("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5\n"));
    }

    [Test]
    public void Translate_picks_the_mapping_whose_prefix_holds_the_address()
    {
        // The rule's second mapping is fd5a:ceb9:ed8d:fefc::/64 → the same outside prefix.
        var (exit, output, error) = Run("nptv6", "translate", Lab, "--rule", Rule, "fd5a:ceb9:ed8d:fe0a::10", "fd5a:ceb9:ed8d:fefc::2");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        var lines = output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines, Has.All.StartWith("2001:db8:ff00:ff66:"));
        Assert.That(lines[0], Is.Not.EqualTo(lines[1]));
    }

    [Test]
    public void Translate_inbound_and_set_override()
    {
        var (exit, output, error) = Run("nptv6", "translate", "--inbound", Lab, "--rule", Rule, "2001:db8:ff00:ff66:78e4:61d8:20eb:aba5");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output.Trim(), Is.EqualTo("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5"));

        (exit, output, error) = Run("nptv6", "translate", Lab, "--rule", Rule, "--set", "ROUTINGPREFIX=2001:db8:aa00::/48", "fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
        Assert.That(output.Trim(), Does.StartWith("2001:db8:aa00:ff66:"));
    }

    [Test]
    public void Address_outside_every_mapping_is_reported()
    {
        var (exit, output, error) = Run("nptv6", "translate", Lab, "--rule", Rule, "fd00::1");
        Assert.That(exit, Is.EqualTo(ExitCodes.Failure));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("fd00::1").And.Contain("not inside"));
    }

    [TestCase("nope", "no NPTv6 rule 'nope'")]
    public void Unknown_rule_lists_the_rules(string rule, string message)
    {
        var (exit, _, error) = Run("nptv6", "translate", Lab, "--rule", rule, "fd5a:ceb9:ed8d:fe0a::1");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain(message).And.Contain(Rule));
    }

    [Test]
    public void Bad_input_gives_a_message_not_an_exception()
    {
        Assert.That(Run("nptv6", "translate", "/nonexistent.netdsl", "--rule", Rule, "fd00::1").Exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(Run("nptv6", "translate", Lab, "--rule", Rule).Exit, Is.EqualTo(ExitCodes.Usage), "no address after FILE");
        var both = Run("nptv6", "translate", Lab, "--rule", Rule, "--inside", "fd00::/64", "--outside", "2001:db8::/64", "fd00::1");
        Assert.That(both.Exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(both.Err, Does.Contain("not both"));
        Assert.That(Run("nptv6", "translate", Lab, "--rule", Rule, "--set", "ROUTINGPREFIX=nonsense", "fd00::1").Exit, Is.Not.EqualTo(ExitCodes.Success));
        Assert.That(Run("nptv6", "pcap", Lab, "--rule", Rule, "only-one.pcap").Exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(Run("nptv6", "pcap", "--inside", "fd00::/64", "--outside", "2001:db8::/64", "a", "b", "c").Exit, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Pcap_uses_the_rule_of_the_file_both_ways()
    {
        var inside = IpAddress.Parse("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5");
        var outside = IpAddress.Parse("2001:db8:ff00:ff66:78e4:61d8:20eb:aba5");
        var remote = IpAddress.Parse("2001:4860:4860::8888");
        string input = Path.GetTempFileName(), output = Path.GetTempFileName();
        try
        {
            using (var stream = File.Create(input))
            {
                PcapFile.FromIpv6Packets(new[]
                {
                    Ipv6TestPackets.EchoRequest(inside, remote, 1, 1, new byte[] { 1 }),
                    Ipv6TestPackets.Udp(remote, outside, 53, 40000, new byte[] { 2 }),
                }).Write(stream);
            }
            var (exit, summary, error) = Run("nptv6", "pcap", Lab, "--rule", Rule, input, output);
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(summary, Does.StartWith("2 packets: 1 outbound and 1 inbound"));
            using var read = File.OpenRead(output);
            Assert.That(PcapFile.TryRead(read, out var rewritten, out _), Is.True);
            Assert.That(Ipv6TestPackets.Source(rewritten!.Records[0].Data), Is.EqualTo(outside));
            Assert.That(Ipv6TestPackets.Destination(rewritten.Records[1].Data), Is.EqualTo(inside));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Addressing;
using NetDsl.Pcap;
using NetDsl.Lab.Sniffing;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Nptv6;

/// <summary>
/// Oracle (b): crafted TCP, UDP, ICMPv6 echo and ICMPv6 error packets (with an embedded packet) are injected into
/// the router through a TUN device, in both directions; what the kernel forwards is compared byte for byte with
/// NetDsl's packet translation of the same packet. Forwarding decrements the hop limit, so the expected packet
/// has it decremented too; every other byte must match, and the transport checksums must still verify.
/// </summary>
[Category("Lab")]
public class Nptv6PacketOracleTests
{
    private sealed record Crafted(int Label, string Description, Nptv6Translator Rule, Nptv6Direction Direction, byte[] Packet, Nptv6PacketResult Expected, byte[] ExpectedBytes);

    [Test]
    public async Task Kernel_forwards_exactly_the_bytes_netdsl_computes()
    {
        LabRequirement.RequireRootAndNamespaces("ip6tables", "tcpdump");
        var rules = OracleCases.Rules(Nptv6Compatibility.LinuxKernel);
        var crafted = Craft(rules, new Random(6296)).ToList();
        Assert.That(crafted, Has.Count.LessThanOrEqualTo(200));

        await using var lab = await NptOracleLab.CreateAsync(rules);
        // Outbound packets leave towards the outside host, inbound ones towards the inside host.
        await using var outside = await Tcpdump.StartAsync(lab.Outside, "vo", "ip6");
        await using var inside = await Tcpdump.StartAsync(lab.Inside, "vi", "ip6");
        foreach (var c in crafted)
        {
            lab.Tun.Write(c.Packet);
            await Task.Delay(2); // paced: a burst can overflow the veth/neighbour queues, which is not what is under test
        }
        await Task.Delay(500);
        var outsidePcap = await outside.StopAsync();
        var seenOutside = ByLabel(outsidePcap);
        var seenInside = ByLabel(await inside.StopAsync());
        if (seenOutside.Count + seenInside.Count == 0)
        {
            // Nothing came through: show why (interface counters and the router's IPv6 drop counters).
            var link = await lab.Router.ExecAsync("ip", "-s", "link", "show", lab.Tun.Name);
            var counters = await lab.Router.ExecAsync("nstat", "-az");
            TestContext.Out.WriteLine(link.StandardOutput + link.StandardError);
            TestContext.Out.WriteLine(string.Join("\n", counters.StandardOutput.Split('\n').Where(l => l.StartsWith("Ip6", StringComparison.Ordinal) && !l.Contains(" 0 "))));
        }

        var failures = new List<string>();
        int compared = 0, droppedBoth = 0, embedded = 0, brokenChecksums = 0;
        foreach (var c in crafted)
        {
            var seen = c.Direction == Nptv6Direction.Outbound ? seenOutside : seenInside;
            bool kernelForwarded = seen.TryGetValue(c.Label, out var kernel);
            if (c.Expected.Outcome == Nptv6PacketOutcome.Drop)
            {
                if (kernelForwarded) failures.Add($"{c.Description}: NetDsl drops it ({c.Expected.Address}) but the kernel forwarded {Hex(kernel!)}");
                else droppedBoth++;
                continue;
            }
            if (!kernelForwarded)
            {
                failures.Add($"{c.Description}: the kernel did not forward it");
                continue;
            }
            compared++;
            if (c.Expected.EmbeddedRewritten) embedded++;
            if (!kernel!.SequenceEqual(c.ExpectedBytes))
                failures.Add($"{c.Description}:\n  kernel {Hex(kernel!)}\n  netdsl {Hex(c.ExpectedBytes)}");
            else if (!Ipv6Checksum.IsValid(kernel!))
            {
                // Mixed lengths: the longer prefix overwrites bits the adjustment never saw, so Linux (and NetDsl,
                // which does the same) emit a bad checksum unless those bits were zero. Equal lengths never do.
                if (c.Rule.Prefixes.IsReversible) failures.Add($"{c.Description}: bytes agree but the transport checksum does not verify");
                else brokenChecksums++;
            }
        }

        TestContext.Out.WriteLine($"oracle (packets): {crafted.Count} crafted packets over {rules.Count} rules; {compared} compared byte for byte " +
            $"({embedded} ICMPv6 errors with the embedded packet rewritten), {droppedBoth} dropped by both; " +
            $"{brokenChecksums} packets of mixed-length rules with a broken transport checksum in both");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(compared, Is.GreaterThan(crafted.Count * 3 / 4));
        Assert.That(embedded, Is.GreaterThanOrEqualTo(rules.Count * 4));
    }

    private static IEnumerable<Crafted> Craft(IReadOnlyList<Nptv6Translator> rules, Random random)
    {
        int label = 0x5a000;
        var remote = NptOracleLab.OutsideHost;
        foreach (var rule in rules)
        {
            int carry = OracleCases.CarryWord(rule);
            var addresses = new List<(string Kind, IpAddress Address)>
            {
                ("random", OracleCases.RandomIn(random, rule.Prefixes.Inside)),
                ("result 0xffff", OracleCases.WithWord(OracleCases.RandomIn(random, rule.Prefixes.Inside), carry, (ushort)~rule.Outbound.Adjustment)),
            };
            if (carry == 4) addresses.Add(("iid word 4 0xffff", OracleCases.WithWord(OracleCases.RandomIn(random, rule.Prefixes.Inside), 4, 0xffff)));
            foreach (var (kind, inner) in addresses)
            {
                var outer = rule.TranslateOutbound(inner).Address;
                var outbound = new (string, byte[])[]
                {
                    ("UDP", Ipv6TestPackets.Udp(inner, remote, 40000, 53, new byte[] { 1, 2, 3, 4, 5, 6, 7 })),
                    ("TCP SYN", Ipv6TestPackets.TcpSyn(inner, remote, 40001, 443, 0x01020304)),
                    ("echo request", Ipv6TestPackets.EchoRequest(inner, remote, 0x4242, 1, new byte[] { 0xde, 0xad })),
                    ("port unreachable about a packet sent to the inside", Ipv6TestPackets.IcmpError(inner, remote, Ipv6TestPackets.Udp(remote, inner, 53, 40000, new byte[] { 9 }))),
                    ("time exceeded about a TCP packet sent to the inside", Ipv6TestPackets.IcmpError(inner, remote, Ipv6TestPackets.TcpSyn(remote, inner, 443, 40001, 7), type: 3, code: 0)),
                };
                var inbound = new (string, byte[])[]
                {
                    ("UDP", Ipv6TestPackets.Udp(remote, outer, 53, 40000, new byte[] { 8, 9 })),
                    ("TCP SYN", Ipv6TestPackets.TcpSyn(remote, outer, 443, 40001, 0x0a0b0c0d)),
                    ("echo request", Ipv6TestPackets.EchoRequest(remote, outer, 0x4343, 2, new byte[] { 0xbe, 0xef })),
                    ("port unreachable about a packet the inside sent", Ipv6TestPackets.IcmpError(remote, outer, Ipv6TestPackets.Udp(outer, remote, 40000, 53, new byte[] { 1 }))),
                    ("packet too big about a packet the inside sent", Ipv6TestPackets.IcmpError(remote, outer, Ipv6TestPackets.EchoRequest(outer, remote, 1, 1, new byte[16]), type: 2, code: 0)),
                };
                foreach (var (name, packet) in outbound)
                    yield return Make(++label, $"{rule} {kind} outbound {name} from {inner}", rule, Nptv6Direction.Outbound, packet);
                foreach (var (name, packet) in inbound)
                    yield return Make(++label, $"{rule} {kind} inbound {name} to {outer}", rule, Nptv6Direction.Inbound, packet);
            }
            if (carry == 4)
            {
                var allOnes = IpAddress.V6(OracleCases.RandomIn(random, rule.Prefixes.Inside).High, ulong.MaxValue);
                yield return Make(++label, $"{rule} all-ones IID outbound UDP from {allOnes}", rule, Nptv6Direction.Outbound,
                    Ipv6TestPackets.Udp(allOnes, remote, 1, 2, new byte[] { 1 }));
            }
        }
    }

    private static Crafted Make(int label, string description, Nptv6Translator rule, Nptv6Direction direction, byte[] packet)
    {
        // The flow label is outside every checksum, so it can tag each packet to find it in the captures.
        packet[1] = (byte)((packet[1] & 0xF0) | ((label >> 16) & 0x0F));
        packet[2] = (byte)(label >> 8);
        packet[3] = (byte)label;
        var expected = (byte[])packet.Clone();
        var result = new Nptv6PacketTranslator(rule).Translate(expected, direction);
        expected[7]--; // forwarded once
        return new Crafted(label, description, rule, direction, packet, result, expected);
    }

    private static Dictionary<int, byte[]> ByLabel(PcapFile capture)
    {
        var byLabel = new Dictionary<int, byte[]>();
        foreach (var record in capture.Records)
        {
            if (!PcapLinkType.TryFindIpv6(capture.Header.LinkType, record.Data, out int offset) || record.Data.Length < offset + 40) continue;
            var packet = record.Data.AsSpan(offset);
            int length = 40 + (packet[4] << 8 | packet[5]);
            if (packet.Length < length) continue;
            int label = (packet[1] & 0x0F) << 16 | packet[2] << 8 | packet[3];
            if ((label & 0xFF000) != 0x5A000) continue;
            byLabel[label] = packet.Slice(0, length).ToArray(); // drop Ethernet padding, if any
        }
        return byLabel;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

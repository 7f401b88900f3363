using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Addressing;
using NetDsl.Gateway;
using NetDsl.Pcap;
using NetDsl.Lab.Sniffing;
using NetDsl.Lab.Translators;
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

    // The kernel's SNPT/DNPT, then NetDsl's live gateway in the same router (both data paths): all three must forward
    // exactly the bytes NetDsl computes, and answer the untranslatable packets with the same Parameter Problem.
    [TestCase(OracleTranslator.Kernel)]
    [TestCase(OracleTranslator.GatewayNfQueue)]
    [TestCase(OracleTranslator.GatewayTun)]
    [TestCase(OracleTranslator.GatewayXdp)]
    public async Task Router_forwards_exactly_the_bytes_netdsl_computes(OracleTranslator translator)
    {
        LabRequirement.RequireRootAndNamespaces("ip6tables", "tcpdump");
        var rules = OracleCases.Rules(Nptv6Compatibility.LinuxKernel);
        var crafted = Craft(rules, new Random(6296)).ToList();
        Assert.That(crafted, Has.Count.LessThanOrEqualTo(200));

        await using var lab = await NptOracleLab.CreateAsync(rules, translator);
        // Outbound packets leave towards the outside host, inbound ones towards the inside host.
        await using var outside = await Tcpdump.StartAsync(lab.Outside, "vo", "ip6");
        await using var inside = await Tcpdump.StartAsync(lab.Inside, "vi", "ip6");
        foreach (var c in crafted)
        {
            lab.Inject(c.Packet, c.Direction);
            await Task.Delay(2); // paced: a burst can overflow the veth/neighbour queues, which is not what is under test
        }
        await Task.Delay(500);
        var outsidePcap = await outside.StopAsync();
        var seenOutside = ByLabel(outsidePcap);
        var insidePcap = await inside.StopAsync();
        var seenInside = ByLabel(insidePcap);
        var parameterProblems = ParameterProblemsByLabel(insidePcap);
        if (seenOutside.Count + seenInside.Count == 0)
        {
            // Nothing came through: show why (interface counters and the router's IPv6 drop counters).
            var link = await lab.Router.ExecAsync("ip", "-s", "link", "show", lab.Tun.Name);
            var counters = await lab.Router.ExecAsync("nstat", "-az");
            TestContext.Out.WriteLine(link.StandardOutput + link.StandardError);
            TestContext.Out.WriteLine(string.Join("\n", counters.StandardOutput.Split('\n').Where(l => l.StartsWith("Ip6", StringComparison.Ordinal) && !l.Contains(" 0 "))));
        }

        var failures = new List<string>();
        int compared = 0, droppedBoth = 0, embedded = 0, brokenChecksums = 0, answered = 0;
        foreach (var c in crafted)
        {
            var seen = c.Direction == Nptv6Direction.Outbound ? seenOutside : seenInside;
            bool kernelForwarded = seen.TryGetValue(c.Label, out var kernel);
            if (c.Expected.Outcome == Nptv6PacketOutcome.Drop)
            {
                if (kernelForwarded) failures.Add($"{c.Description}: NetDsl drops it ({c.Expected.Address}) but the {translator} router forwarded {Hex(kernel!)}");
                else droppedBoth++;
                // RFC 6296 §3.7: a Parameter Problem (code 0) to the source, pointing at the address that could not be
                // translated, quoting the packet as it reached the translator (hop limit already spent). ip6t_NPT means
                // to, but it has already overwritten the prefix when it finds the IID all ones, so its error goes to
                // the half-translated address (outside prefix, all-ones IID) and never reaches the inside: none here.
                var quoted = (byte[])c.Packet.Clone();
                quoted[7]--;
                if (translator == OracleTranslator.Kernel)
                {
                    if (parameterProblems.ContainsKey(c.Label)) failures.Add($"{c.Description}: the kernel's Parameter Problem reached the source (it did not on Linux 6.18)");
                    continue;
                }
                if (!parameterProblems.TryGetValue(c.Label, out var problem))
                    failures.Add($"{c.Description}: no Parameter Problem came back");
                else if (problem.Code != 0 || problem.Pointer != (c.Direction == Nptv6Direction.Outbound ? 8 : 24) || !problem.Quoted.SequenceEqual(quoted))
                    failures.Add($"{c.Description}: Parameter Problem code {problem.Code} pointer {problem.Pointer} quoting {Hex(problem.Quoted)}, expected code 0 pointer 8 quoting {Hex(quoted)}");
                else answered++;
                continue;
            }
            if (!kernelForwarded)
            {
                failures.Add($"{c.Description}: the kernel did not forward it");
                continue;
            }
            compared++;
            if (c.Expected.EmbeddedRewritten) embedded++;
            var expectedBytes = (byte[])c.ExpectedBytes.Clone();
            expectedBytes[7] -= (byte)(lab.Hops - 1); // forwarded by the edge host too (XDP)
            if (!kernel!.SequenceEqual(expectedBytes))
                failures.Add($"{c.Description}:\n  kernel {Hex(kernel!)}\n  netdsl {Hex(expectedBytes)}");
            else if (!Ipv6Checksum.IsValid(kernel!))
            {
                // Mixed lengths: the longer prefix overwrites bits the adjustment never saw, so Linux (and NetDsl,
                // which does the same) emit a bad checksum unless those bits were zero. Equal lengths never do.
                if (c.Rule.Prefixes.IsReversible) failures.Add($"{c.Description}: bytes agree but the transport checksum does not verify");
                else brokenChecksums++;
            }
        }

        TestContext.Out.WriteLine($"oracle (packets, {translator}): {crafted.Count} crafted packets over {rules.Count} rules; {compared} compared byte for byte " +
            $"({embedded} ICMPv6 errors with the embedded packet rewritten), {droppedBoth} dropped by both ({answered} answered with the same Parameter Problem); " +
            $"{brokenChecksums} packets of mixed-length rules with a broken transport checksum in both");
        if (lab.Gateway?.ReadStatus() is { } status) TestContext.Out.WriteLine("gateway: " + status.Stats);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(compared, Is.GreaterThan(crafted.Count * 3 / 4));
        Assert.That(embedded, Is.GreaterThanOrEqualTo(rules.Count * 4));
    }

    /// <summary>
    /// The live gateway's own count of the bytes its readers allocate (GC.GetAllocatedBytesForCurrentThread, after a
    /// warm-up) must not move across a burst of 10,000 packets: no allocation per packet, on the real data path.
    /// </summary>
    [TestCase(OracleTranslator.GatewayNfQueue)]
    [TestCase(OracleTranslator.GatewayTun)]
    [TestCase(OracleTranslator.GatewayXdp)]
    public async Task Live_gateway_allocates_nothing_per_packet(OracleTranslator translator)
    {
        LabRequirement.RequireRootAndNamespaces("ip6tables");
        var rules = OracleCases.Rules(Nptv6Compatibility.LinuxKernel).Take(2).ToList();
        await using var lab = await NptOracleLab.CreateAsync(rules, translator);
        var random = new Random(18);
        var packets = Enumerable.Range(0, 500).Select(i =>
        {
            var rule = rules[i % rules.Count];
            var inner = OracleCases.RandomIn(random, rule.Prefixes.Inside);
            return i % 3 == 2
                ? Ipv6TestPackets.Udp(NptOracleLab.OutsideHost, rule.TranslateOutbound(inner).Address, 53, 40000, new byte[i % 40])
                : Ipv6TestPackets.Udp(inner, NptOracleLab.OutsideHost, 40000, 53, new byte[i % 40]);
        }).ToList();

        async Task<Nptv6GatewayStats> SendAsync(int count)
        {
            long before = lab.Gateway!.ReadStatus()!.Stats.Received;
            for (int i = 0; i < count; i++)
            {
                var packet = packets[i % packets.Count];
                lab.Inject(packet, packet[8] == 0xfd ? Nptv6Direction.Outbound : Nptv6Direction.Inbound);
                if (i % 100 == 99) await Task.Delay(5); // paced: the queues hold the rest, so nothing is lost on the way
            }
            // The status file is rewritten every second: wait until it has seen the burst (or stops moving).
            Nptv6GatewayStats stats = lab.Gateway.ReadStatus()!.Stats;
            for (int wait = 0; wait < 50 && stats.Received < before + count; wait++)
            {
                await Task.Delay(100);
                stats = lab.Gateway.ReadStatus()?.Stats ?? stats;
            }
            return stats;
        }

        var warm = await SendAsync(1_000);
        var after = await SendAsync(10_000);
        TestContext.Out.WriteLine($"{translator}: after the warm-up {warm}; after 10,000 more {after}");
        Assert.That(after.Translated - warm.Translated, Is.GreaterThanOrEqualTo(9_500), "the burst went through the gateway");
        Assert.That(after.DataPathAllocatedBytes, Is.EqualTo(warm.DataPathAllocatedBytes), "bytes allocated by the readers during the burst");
        Assert.That(after.SendErrors, Is.EqualTo(0));
    }

    /// <summary>
    /// The AF_XDP gateway forwards by itself, so it answers for the link it sends on: a packet bigger than the outside
    /// interface's MTU gets Packet Too Big (RFC 4443 §3.2) with that MTU, quoting the packet as it arrived (as much as
    /// fits in 1,280 bytes), and is not forwarded — what the kernel's forwarding does with ip6t_NPT.
    /// </summary>
    [Test]
    public async Task Xdp_gateway_answers_packet_too_big()
    {
        LabRequirement.RequireRootAndNamespaces("ip6tables", "tcpdump");
        var rules = OracleCases.Rules(Nptv6Compatibility.LinuxKernel).Take(1).ToList();
        await using var lab = await NptOracleLab.CreateAsync(rules, OracleTranslator.GatewayXdp);
        await lab.Router.ExecCheckedAsync("ip", "link", "set", "ro", "mtu", "1280");
        await lab.Outside.ExecCheckedAsync("ip", "link", "set", "vo", "mtu", "1280");
        await Task.Delay(1200); // the gateway reads its links' MTUs again each second (docs/nptv6.md): give it one
        var source = OracleCases.RandomIn(new Random(1280), rules[0].Prefixes.Inside);
        var big = Ipv6TestPackets.Udp(source, NptOracleLab.OutsideHost, 40000, 53, new byte[1400 - 48]);
        await using var inside = await Tcpdump.StartAsync(lab.Inside, "vi", "icmp6 and ip6[40] == 2");
        await using var outside = await Tcpdump.StartAsync(lab.Outside, "vo", "udp");
        lab.Inject(big, Nptv6Direction.Outbound);
        await Task.Delay(500);
        var capture = await inside.StopAsync();
        var errors = capture.Records;
        Assert.That((await outside.StopAsync()).Records, Is.Empty, "not forwarded");
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(PcapLinkType.TryFindIpv6(capture.Header.LinkType, errors[0].Data, out int at), Is.True);
        var error = errors[0].Data.AsSpan(at);
        Assert.That((error[40], error[41]), Is.EqualTo(((byte)2, (byte)0)), "Packet Too Big, code 0");
        Assert.That(error[44] << 24 | error[45] << 16 | error[46] << 8 | error[47], Is.EqualTo(1280), "the outside interface's MTU");
        var quoted = (byte[])big.Clone();
        quoted[7]--; // forwarded by the inside host on its way to the router
        Assert.That(error.Slice(48).ToArray(), Is.EqualTo(quoted.AsSpan(0, 1280 - 48).ToArray()), "the packet as its sender sent it, as much as fits");
        Assert.That(lab.Gateway!.ReadStatus() is null || lab.Gateway.ReadStatus()!.Stats.TranslatedOutbound == 0, "nothing translated");
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

    private sealed record ParameterProblem(int Code, uint Pointer, byte[] Quoted);

    /// <summary>ICMPv6 Parameter Problems (type 4) in a capture, by the label of the crafted packet they quote.</summary>
    private static Dictionary<int, ParameterProblem> ParameterProblemsByLabel(PcapFile capture)
    {
        var byLabel = new Dictionary<int, ParameterProblem>();
        foreach (var record in capture.Records)
        {
            if (!PcapLinkType.TryFindIpv6(capture.Header.LinkType, record.Data, out int offset) || record.Data.Length < offset + 88) continue;
            var packet = record.Data.AsSpan(offset);
            int length = Math.Min(packet.Length, 40 + (packet[4] << 8 | packet[5]));
            if (packet[6] != 58 || packet[40] != 4) continue;
            var quoted = packet.Slice(48, length - 48);
            int label = (quoted[1] & 0x0F) << 16 | quoted[2] << 8 | quoted[3];
            if ((label & 0xFF000) != 0x5A000) continue;
            byLabel[label] = new ParameterProblem(packet[41], (uint)(packet[44] << 24 | packet[45] << 16 | packet[46] << 8 | packet[47]), quoted.ToArray());
        }
        return byLabel;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Gateway.Translation;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Gateway.Tests;

/// <summary>
/// The gateway's translation stage against the reference: for every packet, the verdict and the bytes must be what
/// translating it alone gives — the first mapping whose prefix holds the source (outbound), else, when the packet may
/// go either way, the first whose outside prefix holds the destination (inbound).
/// </summary>
public class BatchTranslationTests
{
    private static readonly IReadOnlyList<INptv6Translator> Mappings = new INptv6Translator[]
    {
        Nptv6Translator.Create(IpPrefix.Parse("fd01:203:405::/48"), IpPrefix.Parse("2001:db8:1::/48")),
        Nptv6Translator.Create(IpPrefix.Parse("fd5a:ceb9:ed8d:fe0a::/64"), IpPrefix.Parse("2001:db8:ff00:ff66::/64")),
        // Overlaps the first: first match must win, as a chain of SNPT rules would.
        Nptv6Translator.Create(IpPrefix.Parse("fd01:203:405:7::/64"), IpPrefix.Parse("2001:db8:9:9::/64")),
    };

    [Test]
    public void Every_packet_gets_the_reference_verdict_and_bytes([Values] PacketDirection direction, [Values(1, 7, 64)] int capacity)
    {
        var random = new Random(capacity * 3 + (int)direction);
        var translation = new BatchTranslation(Mappings, capacity);
        for (int round = 0; round < 40; round++)
        {
            int count = random.Next(1, capacity + 1);
            var packets = Enumerable.Range(0, count).Select(_ => RandomPacket(random)).ToList();
            var buffer = new byte[packets.Sum(p => p.Length) + 16 * count];
            var offsets = new int[count];
            var lengths = new int[count];
            int at = 0;
            for (int i = 0; i < count; i++)
            {
                at += random.Next(0, 16);
                packets[i].CopyTo(buffer, at);
                offsets[i] = at;
                lengths[i] = packets[i].Length;
                at += packets[i].Length;
            }
            var directions = Enumerable.Repeat(direction, count).ToArray();
            var verdicts = new PacketVerdict[count];
            var expected = (byte[])buffer.Clone();
            translation.Translate(buffer, offsets, lengths, directions, verdicts);

            for (int i = 0; i < count; i++)
            {
                var verdict = Reference(expected.AsSpan(offsets[i], lengths[i]), direction);
                Assert.That(verdicts[i], Is.EqualTo(verdict), $"round {round} packet {i}");
            }
            Assert.That(buffer, Is.EqualTo(expected), $"round {round}: the bytes of every packet, and nothing between them");
        }
    }

    [Test]
    public void Overlapping_mappings_first_match_wins()
    {
        var translation = new BatchTranslation(Mappings, 4);
        var packet = Ipv6TestPackets.Udp(IpAddress.Parse("fd01:203:405:7::1"), IpAddress.Parse("2001:db8:ffff::1"), 1, 2, new byte[2]);
        var verdicts = new PacketVerdict[1];
        translation.Translate(packet, new[] { 0 }, new[] { packet.Length }, new[] { PacketDirection.Outbound }, verdicts);
        Assert.That(verdicts[0], Is.EqualTo(PacketVerdict.TranslatedOutbound));
        Assert.That(IpAddress.FromBytes(packet.AsSpan(8, 16).ToArray()), Is.EqualTo(Mappings[0].Translate(IpAddress.Parse("fd01:203:405:7::1"), Nptv6Direction.Outbound).Address));
    }

    [Test]
    public void A_batch_allocates_nothing()
    {
        var translation = new BatchTranslation(Mappings, 64);
        var random = new Random(1);
        var buffer = new byte[64 * 128];
        var offsets = Enumerable.Range(0, 64).Select(i => i * 128).ToArray();
        var lengths = new int[64];
        for (int i = 0; i < 64; i++)
        {
            var packet = RandomPacket(random);
            packet.AsSpan(0, Math.Min(128, packet.Length)).CopyTo(buffer.AsSpan(i * 128));
            lengths[i] = Math.Min(128, packet.Length);
        }
        var directions = new PacketDirection[64];
        var verdicts = new PacketVerdict[64];
        translation.Translate(buffer, offsets, lengths, directions, verdicts); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 10_000; round++)
            translation.Translate(buffer, offsets, lengths, directions, verdicts);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0), "bytes allocated by 640,000 packets");
    }

    [Test]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new BatchTranslation(Array.Empty<INptv6Translator>(), 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchTranslation(Mappings, 0));
        var translation = new BatchTranslation(Mappings, 2);
        var buffer = new byte[100];
        Assert.Throws<ArgumentException>(() => translation.Translate(buffer, new int[3], new int[3], new PacketDirection[3], new PacketVerdict[3]));
        Assert.Throws<ArgumentException>(() => translation.Translate(buffer, new int[2], new int[1], new PacketDirection[2], new PacketVerdict[2]));
        Assert.Throws<ArgumentException>(() => translation.Translate(buffer, new[] { 90 }, new[] { 20 }, new PacketDirection[1], new PacketVerdict[1]));
    }

    /// <summary>What translating one packet alone gives: outbound first (unless inbound only), then inbound.</summary>
    private static PacketVerdict Reference(Span<byte> packet, PacketDirection direction)
    {
        if (direction != PacketDirection.Inbound)
        {
            foreach (var m in Mappings)
            {
                var r = m.Translate(packet, Nptv6Direction.Outbound);
                if (r.Outcome == Nptv6PacketOutcome.Translated) return PacketVerdict.TranslatedOutbound;
                if (r.Outcome == Nptv6PacketOutcome.Drop) return PacketVerdict.UntranslatableSource;
                if (r.Outcome == Nptv6PacketOutcome.Malformed) return PacketVerdict.Malformed;
            }
            if (direction == PacketDirection.Outbound) return PacketVerdict.NotMatched;
        }
        foreach (var m in Mappings)
        {
            var r = m.Translate(packet, Nptv6Direction.Inbound);
            if (r.Outcome == Nptv6PacketOutcome.Translated) return PacketVerdict.TranslatedInbound;
            if (r.Outcome == Nptv6PacketOutcome.Drop) return PacketVerdict.UntranslatableDestination;
            if (r.Outcome == Nptv6PacketOutcome.Malformed) return PacketVerdict.Malformed;
        }
        return PacketVerdict.NotMatched;
    }

    /// <summary>Sources and destinations from the mappings' prefixes (with all-ones words now and then) or anywhere; UDP or an ICMPv6 error; sometimes not IPv6 or cut short.</summary>
    private static byte[] RandomPacket(Random random)
    {
        IpAddress Pick()
        {
            var m = Mappings[random.Next(Mappings.Count)];
            var prefix = random.Next(3) switch { 0 => m.Prefixes.Inside, 1 => m.Prefixes.Outside, _ => IpPrefix.Parse("2001:db8:abcd::/48") };
            ulong mask = Nptv6Rewrite.HighMask(prefix.Length);
            ulong high = (prefix.Address.High & mask) | ((ulong)random.NextInt64() & ~mask);
            if (random.Next(10) == 0) high |= 0xFFFF; // subnet word all ones
            ulong low = random.Next(12) == 0 ? ulong.MaxValue : (ulong)random.NextInt64();
            return IpAddress.V6(high, low);
        }
        var source = Pick();
        var destination = Pick();
        var packet = random.Next(5) == 0
            ? Ipv6TestPackets.IcmpError(source, destination, Ipv6TestPackets.Udp(destination, source, 2, 1, new byte[3]))
            : Ipv6TestPackets.Udp(source, destination, 1000, 53, new byte[random.Next(0, 30)]);
        if (random.Next(30) == 0) packet[0] = 0x45;
        if (random.Next(30) == 0) packet = packet.AsSpan(0, random.Next(packet.Length)).ToArray();
        return packet;
    }
}

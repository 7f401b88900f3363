using System;
using NetDsl.Addressing;
using NetDsl.Nptv6;
using NetDsl.Nptv6.Packets;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests.Nptv6.Compiled;

/// <summary>
/// Both <c>INptv6Translator.TranslateBatch</c> overloads on both implementations (the interface's default for the generic
/// translator, the generated loop for the compiled one): a batch must leave exactly the bytes, and give exactly the
/// outcomes, that the reference per-packet translation (<see cref="Nptv6Packet.Translate"/>) gives packet by packet.
/// </summary>
[TestFixture(TranslatorKind.Generic)]
[TestFixture(TranslatorKind.Compiled)]
public class Nptv6BatchContractTests
{
    private readonly TranslatorKind _kind;

    public Nptv6BatchContractTests(TranslatorKind kind) => _kind = kind;

    [Test]
    public void The_compiled_translator_has_its_own_batch()
    {
        var type = TranslatorFactory.Single(_kind, "gateway").GetType();
        int own = Array.FindAll(type.GetMethods(), m => m.Name == nameof(INptv6Translator.TranslateBatch)).Length;
        // The generic translator keeps the interface's defaults; the generated class declares both specialised loops
        // (packets laid end to end, and packets at any offsets).
        Assert.That(own, Is.EqualTo(_kind == TranslatorKind.Compiled ? 2 : 0));
    }

    // 30: every packet too short for a header; 64: the benchmark's size, no room for an ICMPv6 error; 88: just room
    // for one; 128: room for the random ICMPv6 errors below (98-101 bytes) with zero padding after them.
    [Test]
    public void Random_batches_equal_the_reference_packet_by_packet([Values(30, 64, 88, 128)] int packetLength, [Values] bool withOutcomes)
    {
        foreach (var rule in TranslatorFactory.AllRules)
        {
            var random = new Random(packetLength * 31 + rule.Length);
            foreach (var translator in TranslatorFactory.Create(_kind, rule))
            {
                foreach (var direction in new[] { Nptv6Direction.Outbound, Nptv6Direction.Inbound })
                {
                    const int count = 300;
                    var buffer = new byte[count * packetLength + random.Next(3)]; // a tail that is no packet must stay alone
                    random.NextBytes(buffer.AsSpan(count * packetLength));
                    for (int i = 0; i < count; i++)
                        RandomPacket(random, translator, direction, packetLength).CopyTo(buffer, i * packetLength);

                    var expected = (byte[])buffer.Clone();
                    var expectedOutcomes = new Nptv6PacketOutcome[count];
                    int expectedTranslated = 0;
                    var rewrite = direction == Nptv6Direction.Outbound ? translator.Outbound : translator.Inbound;
                    for (int i = 0; i < count; i++)
                    {
                        expectedOutcomes[i] = Nptv6Packet.Translate(expected.AsSpan(i * packetLength, packetLength), rewrite, direction).Outcome;
                        if (expectedOutcomes[i] == Nptv6PacketOutcome.Translated) expectedTranslated++;
                    }

                    var outcomes = withOutcomes ? new Nptv6PacketOutcome[count + 2] : Array.Empty<Nptv6PacketOutcome>();
                    if (withOutcomes) outcomes[count] = outcomes[count + 1] = (Nptv6PacketOutcome)99; // beyond count: untouched
                    int translated = translator.TranslateBatch(buffer, packetLength, count, direction, outcomes);

                    string what = rule + " " + translator.Prefixes + " " + direction;
                    Assert.That(translated, Is.EqualTo(expectedTranslated), what);
                    Assert.That(buffer, Is.EqualTo(expected), what);
                    if (withOutcomes)
                    {
                        Assert.That(outcomes.AsSpan(0, count).ToArray(), Is.EqualTo(expectedOutcomes), what);
                        Assert.That(outcomes[count], Is.EqualTo((Nptv6PacketOutcome)99), what);
                    }
                    if (packetLength >= 64 && rule != "two_mappings")
                        Assert.That(expectedTranslated, Is.GreaterThan(count / 2), what + ": the batch should mostly translate");
                }
            }
        }
    }

    // Packets of any length (0-140: none, truncated, headers only, ICMPv6 errors) at any offset, with gaps of random
    // bytes between them that no packet owns: the batch must leave the gaps alone and each packet as the reference.
    [Test]
    public void Random_batches_at_any_offsets_equal_the_reference_packet_by_packet([Values] bool withOutcomes)
    {
        foreach (var rule in TranslatorFactory.AllRules)
        {
            var random = new Random(rule.Length * 977 + (withOutcomes ? 1 : 0));
            foreach (var translator in TranslatorFactory.Create(_kind, rule))
            {
                foreach (var direction in new[] { Nptv6Direction.Outbound, Nptv6Direction.Inbound })
                {
                    const int count = 300;
                    var offsets = new int[count];
                    var lengths = new int[count];
                    var buffer = new byte[count * 160];
                    random.NextBytes(buffer);
                    int at = 0;
                    for (int i = 0; i < count; i++)
                    {
                        at += random.Next(3) == 0 ? random.Next(1, 20) : 0;
                        int length = random.Next(10) == 0 ? random.Next(0, 40) : random.Next(40, 141);
                        var packet = RandomPacket(random, translator, direction, length);
                        packet.CopyTo(buffer, at);
                        offsets[i] = at;
                        lengths[i] = length;
                        at += length;
                    }

                    var expected = (byte[])buffer.Clone();
                    var expectedOutcomes = new Nptv6PacketOutcome[count];
                    int expectedTranslated = 0;
                    var rewrite = direction == Nptv6Direction.Outbound ? translator.Outbound : translator.Inbound;
                    for (int i = 0; i < count; i++)
                    {
                        expectedOutcomes[i] = Nptv6Packet.Translate(expected.AsSpan(offsets[i], lengths[i]), rewrite, direction).Outcome;
                        if (expectedOutcomes[i] == Nptv6PacketOutcome.Translated) expectedTranslated++;
                    }

                    var outcomes = withOutcomes ? new Nptv6PacketOutcome[count] : Array.Empty<Nptv6PacketOutcome>();
                    int translated = translator.TranslateBatch(buffer, offsets, lengths, direction, outcomes);

                    string what = rule + " " + translator.Prefixes + " " + direction;
                    Assert.That(translated, Is.EqualTo(expectedTranslated), what);
                    Assert.That(buffer, Is.EqualTo(expected), what);
                    if (withOutcomes) Assert.That(outcomes, Is.EqualTo(expectedOutcomes), what);
                    if (rule != "two_mappings") Assert.That(expectedTranslated, Is.GreaterThan(count / 3), what + ": the batch should mostly translate");
                }
            }
        }
    }

    [Test]
    public void Batch_at_any_offsets_checks_every_slice_before_writing()
    {
        var translator = TranslatorFactory.Single(_kind, "gateway");
        var buffer = new byte[200];
        var packet = Ipv6TestPackets.Udp(IpAddress.V6(translator.Prefixes.Inside.Address.High, 7), IpAddress.Parse("2001:db8:ffff::53"), 1, 2, new byte[4]);
        packet.CopyTo(buffer, 0);
        var start = (byte[])buffer.Clone();
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, new[] { 0, 190 }, new[] { packet.Length, 20 }, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, new[] { 0, -1 }, new[] { packet.Length, 20 }, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, new[] { 0, 100 }, new[] { packet.Length, -5 }, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, new[] { 0 }, new[] { packet.Length, 20 }, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, new[] { 0, 100 }, new[] { packet.Length, 20 }, Nptv6Direction.Outbound, new Nptv6PacketOutcome[1]));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, new[] { int.MaxValue }, new[] { int.MaxValue }, Nptv6Direction.Outbound));
        Assert.That(buffer, Is.EqualTo(start), "the first packet is valid, but nothing is written by a refused call");

        Assert.That(translator.TranslateBatch(buffer, ReadOnlySpan<int>.Empty, ReadOnlySpan<int>.Empty, Nptv6Direction.Outbound), Is.EqualTo(0));
        var outcomes = new Nptv6PacketOutcome[2];
        Assert.That(translator.TranslateBatch(buffer, new[] { 0, 150 }, new[] { packet.Length, 50 }, Nptv6Direction.Outbound, outcomes), Is.EqualTo(1));
        Assert.That(outcomes, Is.EqualTo(new[] { Nptv6PacketOutcome.Translated, Nptv6PacketOutcome.Malformed }));
    }

    [Test]
    public void Batch_round_trip_restores_the_buffer_and_keeps_checksums()
    {
        var translator = TranslatorFactory.Single(_kind, "gateway");
        var random = new Random(6296);
        const int count = 64, length = 80;
        var buffer = new byte[count * length];
        for (int i = 0; i < count; i++)
        {
            var source = IpAddress.V6(translator.Prefixes.Inside.Address.High, (ulong)random.NextInt64());
            Ipv6TestPackets.Udp(source, IpAddress.Parse("2001:db8:ffff::53"), 40000, 53, new byte[length - 48]).CopyTo(buffer, i * length);
        }
        var start = (byte[])buffer.Clone();
        Assert.That(translator.TranslateBatch(buffer, length, count, Nptv6Direction.Outbound), Is.EqualTo(count));
        for (int i = 0; i < count; i++)
            Assert.That(Ipv6Checksum.IsValid(buffer.AsSpan(i * length, length)), Is.True, "packet " + i);
        Assert.That(buffer, Is.Not.EqualTo(start));

        // Inbound translates destinations: swap the addresses of every packet, translate, swap back.
        for (int i = 0; i < count; i++) SwapAddresses(buffer.AsSpan(i * length, length));
        Assert.That(translator.TranslateBatch(buffer, length, count, Nptv6Direction.Inbound), Is.EqualTo(count));
        for (int i = 0; i < count; i++) SwapAddresses(buffer.AsSpan(i * length, length));
        Assert.That(buffer, Is.EqualTo(start));
    }

    [Test]
    public void Batch_arguments_are_checked_once()
    {
        var translator = TranslatorFactory.Single(_kind, "gateway");
        var buffer = new byte[640];
        Assert.That(translator.TranslateBatch(buffer, 64, 0, Nptv6Direction.Outbound), Is.EqualTo(0));
        Assert.That(translator.TranslateBatch(Span<byte>.Empty, 64, 0, Nptv6Direction.Outbound), Is.EqualTo(0));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, 64, 11, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, int.MaxValue, 2, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentOutOfRangeException>(() => translator.TranslateBatch(buffer, -1, 1, Nptv6Direction.Outbound));
        Assert.Throws<ArgumentOutOfRangeException>(() => translator.TranslateBatch(buffer, 64, -1, Nptv6Direction.Inbound));
        Assert.Throws<ArgumentException>(() => translator.TranslateBatch(buffer, 64, 10, Nptv6Direction.Inbound, new Nptv6PacketOutcome[9]));
        Assert.That(buffer, Is.All.EqualTo(0), "nothing written by a refused call");

        var outcomes = new Nptv6PacketOutcome[10];
        Assert.That(translator.TranslateBatch(buffer, 64, 10, Nptv6Direction.Outbound, outcomes), Is.EqualTo(0));
        Assert.That(outcomes, Is.All.EqualTo(Nptv6PacketOutcome.Malformed), "zero bytes are not IPv6");
        Assert.That(translator.TranslateBatch(buffer, 0, 10, Nptv6Direction.Outbound, outcomes), Is.EqualTo(0));
    }

    /// <summary>
    /// A packet of exactly <paramref name="length"/> bytes, as the contract suite's random packets: mostly inside the
    /// prefix (words of 0xFFFF and 0 now and then, so the untranslatable cases come up), sometimes a random address,
    /// an ICMPv6 error, a truncated packet, or not IPv6 at all; zero-padded or cut to the length.
    /// </summary>
    private static byte[] RandomPacket(Random random, INptv6Translator translator, Nptv6Direction direction, int length)
    {
        var from = direction == Nptv6Direction.Outbound ? translator.Prefixes.Inside : translator.Prefixes.Outside;
        ulong mask = Nptv6Rewrite.HighMask(from.Length);
        var address = random.Next(8) == 0 ? IpAddress.V6(RandomWords(random), RandomWords(random))
            : IpAddress.V6((from.Address.High & mask) | (RandomWords(random) & ~mask), random.Next(40) == 0 ? ulong.MaxValue : RandomWords(random));
        var other = IpAddress.V6(RandomWords(random), RandomWords(random));
        byte[] packet = direction == Nptv6Direction.Outbound
            ? Ipv6TestPackets.Udp(address, other, 1, 2, new byte[random.Next(4)])
            : Ipv6TestPackets.Udp(other, address, 1, 2, new byte[random.Next(4)]);
        if (random.Next(4) == 0)
        {
            // The quoted packet travelled the other way; now and then its address is foreign or it is not IPv6.
            var quoted = random.Next(6) == 0 ? other : address;
            var invoking = direction == Nptv6Direction.Outbound ? Ipv6TestPackets.Udp(other, quoted, 2, 1, new byte[2]) : Ipv6TestPackets.Udp(quoted, other, 2, 1, new byte[2]);
            if (random.Next(8) == 0) invoking[0] = 0x45;
            byte type = (byte)random.Next(0, 6); // 0 and 5 are not errors
            packet = direction == Nptv6Direction.Outbound ? Ipv6TestPackets.IcmpError(address, other, invoking, type, 0) : Ipv6TestPackets.IcmpError(other, address, invoking, type, 4);
        }
        if (random.Next(20) == 0) packet[0] = 0x45;
        var sized = new byte[length];
        packet.AsSpan(0, Math.Min(length, random.Next(10) == 0 ? random.Next(packet.Length) : packet.Length)).CopyTo(sized);
        return sized;
    }

    private static ulong RandomWords(Random random)
    {
        ulong value = 0;
        for (int w = 0; w < 4; w++)
        {
            int pick = random.Next(16);
            ulong word = pick == 0 ? 0xFFFFUL : pick == 1 ? 0UL : (ulong)random.Next(0x10000);
            value = (value << 16) | word;
        }
        return value;
    }

    private static void SwapAddresses(Span<byte> packet)
    {
        Span<byte> source = stackalloc byte[16];
        packet.Slice(8, 16).CopyTo(source);
        packet.Slice(24, 16).CopyTo(packet.Slice(8, 16));
        source.CopyTo(packet.Slice(24, 16));
    }
}

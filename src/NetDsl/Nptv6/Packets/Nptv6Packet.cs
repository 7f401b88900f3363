#if NET
// Packet-level code is net10.0 only: it works on Span<byte> and BinaryPrimitives, which netstandard2.0 lacks
// without an extra package (the core may depend on Sprache alone). It lives in the core rather than in a
// separate assembly so that a consumer of NetDsl (and a generated translator, milestone 4) gets it with no
// extra reference; the address arithmetic it calls is the same Nptv6Rewrite the netstandard2.0 build has.
using System;
using System.Buffers.Binary;

namespace NetDsl.Nptv6.Packets;

/// <summary>
/// Translates raw IPv6 packets in place: the source address on the way out, the destination on the way in.
/// The rewrite is checksum-neutral, so TCP, UDP and ICMPv6 checksums are left untouched and stay valid.
/// For an ICMPv6 error (types 1-4) directly after the IPv6 header, the embedded (invoking) packet's address
/// is rewritten too — its destination on the way out, its source on the way in — when it is inside the rule's
/// prefix, as Linux has done since 5.8 (2020). Extension headers before the ICMPv6 header are not walked,
/// matching the kernel, which looks only at the IPv6 header's Next Header.
/// </summary>
public static class Nptv6Packet
{
    public const int HeaderLength = 40;
    private const int SourceOffset = 8;
    private const int DestinationOffset = 24;
    private const byte IcmpV6 = 58;
    private const int IcmpHeaderLength = 8;

    /// <summary>Translates one packet with one direction of a rule (the form a generated translator calls with constants).</summary>
    public static Nptv6PacketResult Translate(Span<byte> packet, in Nptv6Rewrite rewrite, Nptv6Direction direction)
    {
        if (packet.Length < HeaderLength || packet[0] >> 4 != 6)
            return new Nptv6PacketResult(Nptv6PacketOutcome.Malformed, Nptv6Outcome.NotIPv6, false);

        int offset = direction == Nptv6Direction.Outbound ? SourceOffset : DestinationOffset;
        var outcome = RewriteAddress(packet.Slice(offset, 16), rewrite);
        switch (outcome)
        {
            case Nptv6Outcome.Translated:
                break;
            case Nptv6Outcome.NotInPrefix:
                return new Nptv6PacketResult(Nptv6PacketOutcome.NotMatched, outcome, false);
            default:
                return new Nptv6PacketResult(Nptv6PacketOutcome.Drop, outcome, false);
        }

        bool embedded = false;
        if (IsIcmpV6ErrorWithEmbeddedIpv6(packet))
        {
            // The embedded packet travelled the other way: outbound errors quote a packet sent *to* the inside
            // host (rewrite its destination); inbound errors quote one sent *from* it (rewrite its source).
            int inner = HeaderLength + IcmpHeaderLength + (direction == Nptv6Direction.Outbound ? DestinationOffset : SourceOffset);
            embedded = RewriteAddress(packet.Slice(inner, 16), rewrite) == Nptv6Outcome.Translated;
        }
        return new Nptv6PacketResult(Nptv6PacketOutcome.Translated, outcome, embedded);
    }

    /// <summary>
    /// Picks the direction from the packet: outbound when the source is inside the inside prefix, else inbound
    /// when the destination is inside the outside prefix. For a capture that holds both directions.
    /// </summary>
    public static Nptv6PacketResult TranslateEitherWay(Span<byte> packet, INptv6Translator translator, out Nptv6Direction direction)
    {
        // Through the translator, so a generated one runs its specialised code.
        direction = Nptv6Direction.Outbound;
        var result = translator.Translate(packet, Nptv6Direction.Outbound);
        if (result.Outcome != Nptv6PacketOutcome.NotMatched) return result;
        direction = Nptv6Direction.Inbound;
        return translator.Translate(packet, Nptv6Direction.Inbound);
    }

    /// <summary>
    /// The argument check of a fixed-stride batch (<see cref="INptv6Translator.TranslateBatch(Span{byte}, int, int, Nptv6Direction, Span{Nptv6PacketOutcome})"/>), shared by the
    /// default and the generated implementations so that both refuse the same calls: after it, every byte of every
    /// packet is inside the buffer, which is what lets a generated batch read without a bounds check per packet.
    /// </summary>
    public static void CheckBatch(int bufferLength, int packetLength, int count, int outcomesLength)
    {
        if (packetLength < 0) throw new ArgumentOutOfRangeException(nameof(packetLength), packetLength, "negative packet length");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "negative packet count");
        if ((long)packetLength * count > bufferLength)
            throw new ArgumentException(count + " packets of " + packetLength + " bytes do not fit in a buffer of " + bufferLength, nameof(count));
        if (outcomesLength != 0 && outcomesLength < count)
            throw new ArgumentException("outcomes holds " + outcomesLength + " entries for " + count + " packets (pass an empty span to skip them)", "outcomes");
    }

    /// <summary>
    /// The argument check of a batch of packets at any offsets (<see cref="INptv6Translator.TranslateBatch(Span{byte}, ReadOnlySpan{int}, ReadOnlySpan{int}, Nptv6Direction, Span{Nptv6PacketOutcome})"/>),
    /// shared by the default and the generated implementations: after it, every packet lies inside the buffer.
    /// </summary>
    public static void CheckBatch(int bufferLength, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, int outcomesLength)
    {
        if (offsets.Length != lengths.Length)
            throw new ArgumentException(offsets.Length + " offsets but " + lengths.Length + " lengths", nameof(lengths));
        if (outcomesLength != 0 && outcomesLength < offsets.Length)
            throw new ArgumentException("outcomes holds " + outcomesLength + " entries for " + offsets.Length + " packets (pass an empty span to skip them)", "outcomes");
        for (int i = 0; i < offsets.Length; i++)
        {
            if (offsets[i] < 0 || lengths[i] < 0 || (long)offsets[i] + lengths[i] > bufferLength)
                throw new ArgumentException("packet " + i + " (" + lengths[i] + " bytes at " + offsets[i] + ") is not inside a buffer of " + bufferLength, nameof(offsets));
        }
    }

    public static bool IsIcmpV6ErrorWithEmbeddedIpv6(ReadOnlySpan<byte> packet) =>
        packet.Length >= HeaderLength + IcmpHeaderLength + HeaderLength
        && packet[6] == IcmpV6
        && packet[HeaderLength] is >= 1 and <= 4 // destination unreachable, packet too big, time exceeded, parameter problem
        && packet[HeaderLength + IcmpHeaderLength] >> 4 == 6;

    private static Nptv6Outcome RewriteAddress(Span<byte> address, in Nptv6Rewrite rewrite)
    {
        ulong high = BinaryPrimitives.ReadUInt64BigEndian(address);
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(address.Slice(8));
        var outcome = rewrite.Apply(ref high, ref low);
        if (outcome == Nptv6Outcome.Translated)
        {
            BinaryPrimitives.WriteUInt64BigEndian(address, high);
            BinaryPrimitives.WriteUInt64BigEndian(address.Slice(8), low);
        }
        return outcome;
    }
}
#endif

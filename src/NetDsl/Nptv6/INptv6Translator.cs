using NetDsl.Addressing;

namespace NetDsl.Nptv6;

/// <summary>
/// An RFC 6296 translator for one rule. <see cref="Nptv6Translator"/> is the generic one, built at run time from
/// any rule; a generated one (source generator, milestone 4) implements the same interface with the prefixes
/// and adjustments baked in as constants. Packet-level code only talks to this interface and the two
/// <see cref="Nptv6Rewrite"/> values, so both kinds plug into it.
/// </summary>
public interface INptv6Translator
{
    Nptv6PrefixPair Prefixes { get; }

    /// <summary>Inside → outside: what SNPT does to the source address.</summary>
    Nptv6Rewrite Outbound { get; }

    /// <summary>Outside → inside: what DNPT does to the destination address.</summary>
    Nptv6Rewrite Inbound { get; }

    Nptv6Result Translate(IpAddress address, Nptv6Direction direction);

    /// <summary>The allocation-free form: rewrites the two halves in place, leaves them alone when not translated.</summary>
    Nptv6Outcome Translate(ref ulong high, ref ulong low, Nptv6Direction direction);

#if NET
    /// <summary>
    /// Translates one raw IPv6 packet in place (<see cref="Packets.Nptv6Packet"/>). The default goes through the
    /// two <see cref="Nptv6Rewrite"/>s; a generated translator replaces it with code specialised to its prefixes.
    /// </summary>
    Packets.Nptv6PacketResult Translate(System.Span<byte> packet, Nptv6Direction direction) =>
        Packets.Nptv6Packet.Translate(packet, direction == Nptv6Direction.Outbound ? Outbound : Inbound, direction);

    /// <summary>
    /// Translates <paramref name="count"/> packets of <paramref name="packetLength"/> bytes laid end to end in
    /// <paramref name="buffer"/> (packet i at <c>i * packetLength</c>), in place, each exactly as
    /// <see cref="Translate(System.Span{byte}, Nptv6Direction)"/> would. Returns how many were translated; when
    /// <paramref name="outcomes"/> is not empty (it must then hold at least <paramref name="count"/>), it gets each
    /// packet's outcome, so the caller knows which to drop. The default calls the per-packet method; a generated
    /// translator checks the bounds once per batch and builds no result per packet.
    /// </summary>
    /// <exception cref="System.ArgumentException">The packets do not fit in the buffer, or the outcomes are too few.</exception>
    int TranslateBatch(System.Span<byte> buffer, int packetLength, int count, Nptv6Direction direction, System.Span<Packets.Nptv6PacketOutcome> outcomes = default)
    {
        Packets.Nptv6Packet.CheckBatch(buffer.Length, packetLength, count, outcomes.Length);
        int translated = 0;
        for (int i = 0; i < count; i++)
        {
            var outcome = Translate(buffer.Slice(i * packetLength, packetLength), direction).Outcome;
            if (outcomes.Length != 0) outcomes[i] = outcome;
            if (outcome == Packets.Nptv6PacketOutcome.Translated) translated++;
        }
        return translated;
    }

    /// <summary>
    /// Translates the packets <c>buffer[offsets[i] .. offsets[i] + lengths[i]]</c> in place, each exactly as
    /// <see cref="Translate(System.Span{byte}, Nptv6Direction)"/> would: packets of any length at any offset, as a ring,
    /// a burst of TUN reads or a netlink batch delivers them (the gateway's entry point). Returns how many were
    /// translated; <paramref name="outcomes"/>, when not empty (it must then hold at least <c>offsets.Length</c>),
    /// gets each packet's outcome. The default calls the per-packet method; a generated translator checks every
    /// slice once, up front, and then runs its specialised loop with no bounds check and no result per packet.
    /// </summary>
    /// <exception cref="System.ArgumentException">A slice is outside the buffer, the two lists differ in length, or the outcomes are too few.</exception>
    int TranslateBatch(System.Span<byte> buffer, System.ReadOnlySpan<int> offsets, System.ReadOnlySpan<int> lengths, Nptv6Direction direction, System.Span<Packets.Nptv6PacketOutcome> outcomes = default)
    {
        Packets.Nptv6Packet.CheckBatch(buffer.Length, offsets, lengths, outcomes.Length);
        int translated = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            var outcome = Translate(buffer.Slice(offsets[i], lengths[i]), direction).Outcome;
            if (outcomes.Length != 0) outcomes[i] = outcome;
            if (outcome == Packets.Nptv6PacketOutcome.Translated) translated++;
        }
        return translated;
    }
#endif
}

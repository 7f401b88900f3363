#if NET
using System;
using System.Collections.Generic;

namespace NetDsl.Nptv6.Packets;

/// <summary>Packet-level translation for one rule: single packets and batches, in place.</summary>
public sealed class Nptv6PacketTranslator
{
    private readonly Nptv6Rewrite _outbound;
    private readonly Nptv6Rewrite _inbound;

    public Nptv6PacketTranslator(INptv6Translator translator)
    {
        Translator = translator;
        _outbound = translator.Outbound;
        _inbound = translator.Inbound;
    }

    public INptv6Translator Translator { get; }

    public Nptv6PacketResult Translate(Span<byte> packet, Nptv6Direction direction) =>
        Nptv6Packet.Translate(packet, direction == Nptv6Direction.Outbound ? _outbound : _inbound, direction);

    public Nptv6PacketResult TranslateOutbound(Span<byte> packet) => Nptv6Packet.Translate(packet, _outbound, Nptv6Direction.Outbound);

    public Nptv6PacketResult TranslateInbound(Span<byte> packet) => Nptv6Packet.Translate(packet, _inbound, Nptv6Direction.Inbound);

    /// <summary>
    /// Translates every packet in one direction; <paramref name="results"/> gets one entry per packet (it must be at
    /// least as long). Returns how many were translated. Packets to drop are left as they were.
    /// </summary>
    public int TranslateBatch(IReadOnlyList<Memory<byte>> packets, Nptv6Direction direction, Span<Nptv6PacketResult> results)
    {
        if (results.Length < packets.Count) throw new ArgumentException("results is shorter than packets", nameof(results));
        var rewrite = direction == Nptv6Direction.Outbound ? _outbound : _inbound;
        int translated = 0;
        for (int i = 0; i < packets.Count; i++)
        {
            results[i] = Nptv6Packet.Translate(packets[i].Span, rewrite, direction);
            if (results[i].Outcome == Nptv6PacketOutcome.Translated) translated++;
        }
        return translated;
    }

    /// <summary>
    /// Batch over packets laid end to end in one buffer (as a ring or a read from a TUN device delivers them):
    /// packet i is <c>buffer[offsets[i] .. offsets[i] + lengths[i]]</c>.
    /// </summary>
    public int TranslateBatch(Span<byte> buffer, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, Nptv6Direction direction, Span<Nptv6PacketResult> results)
    {
        if (offsets.Length != lengths.Length) throw new ArgumentException("offsets and lengths differ in length", nameof(lengths));
        if (results.Length < offsets.Length) throw new ArgumentException("results is shorter than the packet list", nameof(results));
        var rewrite = direction == Nptv6Direction.Outbound ? _outbound : _inbound;
        int translated = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            results[i] = Nptv6Packet.Translate(buffer.Slice(offsets[i], lengths[i]), rewrite, direction);
            if (results[i].Outcome == Nptv6PacketOutcome.Translated) translated++;
        }
        return translated;
    }
}
#endif

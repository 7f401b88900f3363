#if NET
using System;
using System.Collections.Generic;
using NetDsl.Pcap;

namespace NetDsl.Nptv6.Packets;

/// <summary>
/// Translates every IPv6 packet of a capture, as a translator on the wire would: packets the rule does not match
/// pass unchanged, packets it cannot translate are dropped (left out of the output).
/// </summary>
public static class Nptv6PcapRewriter
{
    /// <param name="direction">One direction for every packet, or null to pick it per packet (<see cref="Nptv6Packet.TranslateEitherWay"/>).</param>
    public static Nptv6PcapSummary Rewrite(PcapFile input, INptv6Translator translator, Nptv6Direction? direction, out PcapFile output) =>
        Rewrite(input, new[] { translator }, direction, out output);

    /// <summary>
    /// A rule with several mappings: each packet goes through the first mapping whose prefix holds its address
    /// (the inside prefix for the source outbound, the outside prefix for the destination inbound).
    /// With no fixed direction every mapping is tried outbound before any is tried inbound.
    /// </summary>
    public static Nptv6PcapSummary Rewrite(PcapFile input, IReadOnlyList<INptv6Translator> mappings, Nptv6Direction? direction, out PcapFile output)
    {
        int outbound = 0, inbound = 0, embedded = 0, unmatched = 0, notIpv6 = 0, dropped = 0;
        var records = new List<PcapRecord>(input.Records.Count);
        foreach (var record in input.Records)
        {
            var data = (byte[])record.Data.Clone();
            if (!PcapLinkType.TryFindIpv6(input.Header.LinkType, data, out int offset))
            {
                notIpv6++;
                records.Add(record);
                continue;
            }
            var packet = data.AsSpan(offset);
            Nptv6Direction used;
            Nptv6PacketResult result;
            if (direction is { } fixedDirection)
            {
                used = fixedDirection;
                result = FirstMatch(packet, mappings, fixedDirection);
            }
            else
            {
                used = Nptv6Direction.Outbound;
                result = FirstMatch(packet, mappings, used);
                if (result.Outcome == Nptv6PacketOutcome.NotMatched)
                {
                    used = Nptv6Direction.Inbound;
                    result = FirstMatch(packet, mappings, used);
                }
            }
            switch (result.Outcome)
            {
                case Nptv6PacketOutcome.Translated:
                    if (used == Nptv6Direction.Outbound) outbound++; else inbound++;
                    if (result.EmbeddedRewritten) embedded++;
                    records.Add(record with { Data = data });
                    break;
                case Nptv6PacketOutcome.Drop:
                    dropped++;
                    break;
                case Nptv6PacketOutcome.Malformed:
                    notIpv6++;
                    records.Add(record);
                    break;
                default:
                    unmatched++;
                    records.Add(record);
                    break;
            }
        }
        output = input with { Records = records };
        return new Nptv6PcapSummary(input.Records.Count, outbound, inbound, embedded, unmatched, notIpv6, dropped);
    }

    // A mapping that does not match leaves the packet unchanged, so trying them in order is picking by prefix.
    private static Nptv6PacketResult FirstMatch(Span<byte> packet, IReadOnlyList<INptv6Translator> mappings, Nptv6Direction direction)
    {
        var result = new Nptv6PacketResult(Nptv6PacketOutcome.NotMatched, Nptv6Outcome.NotInPrefix, false);
        foreach (var mapping in mappings)
        {
            result = mapping.Translate(packet, direction);
            if (result.Outcome != Nptv6PacketOutcome.NotMatched) return result;
        }
        return result;
    }
}

/// <summary>Counts from one capture rewrite.</summary>
public sealed record Nptv6PcapSummary(int Packets, int Outbound, int Inbound, int EmbeddedRewritten, int NotMatched, int NotIpv6, int Dropped)
{
    public override string ToString() =>
        $"{Packets} packets: {Outbound} outbound and {Inbound} inbound translated ({EmbeddedRewritten} ICMPv6 errors with the embedded packet rewritten), " +
        $"{NotMatched} not matching the rule, {NotIpv6} not IPv6, {Dropped} dropped as untranslatable";
}
#endif

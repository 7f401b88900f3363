#if NET
using System;
using System.Collections.Generic;
using NetDsl.Capture;

namespace NetDsl.Nptv6.Packets;

/// <summary>
/// Translates every IPv6 packet of a capture, as a translator on the wire would: packets the rule does not match
/// pass unchanged, packets it cannot translate are dropped (left out of the output).
/// </summary>
public static class Nptv6PcapRewriter
{
    /// <param name="direction">One direction for every packet, or null to pick it per packet (<see cref="Nptv6Packet.TranslateEitherWay"/>).</param>
    public static Nptv6PcapSummary Rewrite(PcapFile input, INptv6Translator translator, Nptv6Direction? direction, out PcapFile output)
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
                result = Nptv6Packet.Translate(packet, fixedDirection == Nptv6Direction.Outbound ? translator.Outbound : translator.Inbound, fixedDirection);
            }
            else
            {
                result = Nptv6Packet.TranslateEitherWay(packet, translator, out used);
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
}

/// <summary>Counts from one capture rewrite.</summary>
public sealed record Nptv6PcapSummary(int Packets, int Outbound, int Inbound, int EmbeddedRewritten, int NotMatched, int NotIpv6, int Dropped)
{
    public override string ToString() =>
        $"{Packets} packets: {Outbound} outbound and {Inbound} inbound translated ({EmbeddedRewritten} ICMPv6 errors with the embedded packet rewritten), " +
        $"{NotMatched} not matching the rule, {NotIpv6} not IPv6, {Dropped} dropped as untranslatable";
}
#endif

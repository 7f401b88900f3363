using System;
using System.Threading;
using NetDsl.Gateway.Translation;

namespace NetDsl.Gateway;

/// <summary>
/// One reader's counters. Each reader owns one and is the only writer (plain increments, no contention); the
/// statistics thread reads them with <c>Volatile.Read</c> and sums the readers'.
/// </summary>
internal sealed class GatewayCounters
{
    public long Received;
    public long Batches;
    public long TranslatedOutbound;
    public long TranslatedInbound;
    public long IcmpErrorsTranslated;
    public long NotMatched;
    public long DroppedUntranslatable;
    public long Malformed;
    public long TooBig;
    public long IcmpErrorsSent;
    public long IcmpErrorsRateLimited;
    public long SendErrors;
    public long LastSendErrno;

    /// <summary>Bytes this reader's thread allocated after its first 16 batches, the warm-up (the data path's own allocations: zero).</summary>
    public long AllocatedBytes;

    /// <summary>Counts one batch's verdicts (the translated packets' ICMPv6 errors are counted by the reader, which has the bytes).</summary>
    public void Count(ReadOnlySpan<PacketVerdict> verdicts)
    {
        Received += verdicts.Length;
        Batches++;
        foreach (var verdict in verdicts)
        {
            switch (verdict)
            {
                case PacketVerdict.TranslatedOutbound: TranslatedOutbound++; break;
                case PacketVerdict.TranslatedInbound: TranslatedInbound++; break;
                case PacketVerdict.UntranslatableSource:
                case PacketVerdict.UntranslatableDestination: DroppedUntranslatable++; break;
                case PacketVerdict.Malformed: Malformed++; break;
                default: NotMatched++; break;
            }
        }
    }

    public static Nptv6GatewayStats Sum(GatewayCounters[] all, TimeSpan uptime)
    {
        long Sum(Func<GatewayCounters, long> field)
        {
            long total = 0;
            foreach (var c in all) total += field(c);
            return total;
        }
        long lastErrno = 0;
        foreach (var c in all) lastErrno = Math.Max(lastErrno, Volatile.Read(ref c.LastSendErrno));
        return new Nptv6GatewayStats(
            uptime,
            Sum(c => Volatile.Read(ref c.Received)),
            Sum(c => Volatile.Read(ref c.Batches)),
            Sum(c => Volatile.Read(ref c.TranslatedOutbound)),
            Sum(c => Volatile.Read(ref c.TranslatedInbound)),
            Sum(c => Volatile.Read(ref c.IcmpErrorsTranslated)),
            Sum(c => Volatile.Read(ref c.NotMatched)),
            Sum(c => Volatile.Read(ref c.DroppedUntranslatable)),
            Sum(c => Volatile.Read(ref c.Malformed)),
            Sum(c => Volatile.Read(ref c.TooBig)),
            Sum(c => Volatile.Read(ref c.IcmpErrorsSent)),
            Sum(c => Volatile.Read(ref c.IcmpErrorsRateLimited)),
            Sum(c => Volatile.Read(ref c.SendErrors)),
            (int)lastErrno,
            Sum(c => Volatile.Read(ref c.AllocatedBytes)));
    }
}

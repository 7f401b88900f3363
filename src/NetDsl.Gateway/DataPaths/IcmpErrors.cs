using System;
using NetDsl.Gateway.Linux;
using NetDsl.Gateway.Translation;

namespace NetDsl.Gateway.DataPaths;

/// <summary>The ICMPv6 bits the readers share: spotting a translated error, reporting an untranslatable packet.</summary>
internal static unsafe class IcmpErrors
{
    /// <summary>An ICMPv6 error (types 1-4) directly after the header, quoting a packet: its embedded address was translated too.</summary>
    public static bool IsError(byte* packet, int length) => length >= 48 && packet[6] == 58 && packet[40] >= 1 && packet[40] <= 4;

    public static void Report(IcmpErrorSocket? socket, GatewayCounters counters, ReadOnlySpan<byte> packet, PacketVerdict verdict)
    {
        if (socket is null) return;
        int pointer = verdict == PacketVerdict.UntranslatableSource ? 8 : 24;
        switch (socket.SendParameterProblem(packet, pointer))
        {
            case IcmpErrorSocket.Result.Sent: counters.IcmpErrorsSent++; break;
            case IcmpErrorSocket.Result.RateLimited: counters.IcmpErrorsRateLimited++; break;
            case IcmpErrorSocket.Result.Failed:
                counters.SendErrors++;
                counters.LastSendErrno = Errno.Last;
                break;
        }
    }
}

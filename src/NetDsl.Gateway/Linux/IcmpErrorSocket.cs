using System;
using System.Buffers.Binary;
using System.Diagnostics;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// Sends the ICMPv6 errors the gateway owes: the Parameter Problem that RFC 6296 §3.7 asks for (and Linux's SNPT/DNPT
/// send) when a packet cannot be translated, and, on the AF_XDP path, which forwards by itself, Packet Too Big. A
/// Parameter Problem is type 4, code 0 (erroneous header field), the pointer at the address that could not be translated, and
/// as much of the packet as fits in the minimum MTU. Through a raw ICMPv6 socket, so the kernel routes it, picks its
/// source address and fills the checksum, as for its own errors. Never an error about an ICMPv6 error, and never to or
/// from a multicast or unspecified address (RFC 4443 §2.4). Rate-limited with a token bucket like the kernel's global
/// ICMP limit (1000 per second, bursts of 50), since a raw socket is not subject to it.
/// </summary>
internal sealed unsafe class IcmpErrorSocket : IDisposable
{
    private const int IpProtoIcmpV6 = 58;
    private const int MinimumMtu = 1280;
    private const int MessageCapacity = MinimumMtu - 40; // the ICMPv6 message: 8-byte header and the quoted packet
    private const double TokensPerSecond = 1000;
    private const double Burst = 50;

    private int _fd;
    private readonly NativeBuffer _message = new(MessageCapacity);
    private readonly NativeBuffer _address = new(28);
    private double _tokens = Burst;
    private long _lastRefill = Stopwatch.GetTimestamp();
    private readonly System.Threading.Lock _lock = new(); // readers of several queues share the socket and the bucket

    private IcmpErrorSocket(int fd) => _fd = fd;

    public static IcmpErrorSocket Open()
    {
        int fd = Native.Socket(Native.AfInet6, Native.SockRaw | Native.SocketNonBlocking | Native.SocketCloseOnExec, IpProtoIcmpV6);
        if (fd < 0) throw new GatewayException("cannot open a raw ICMPv6 socket (for Parameter Problem errors): " + Errno.Describe(Errno.Last) + "; run as root (or with CAP_NET_RAW)");
        return new IcmpErrorSocket(fd);
    }

    /// <summary>What became of one request to send an error.</summary>
    public enum Result
    {
        Sent,
        NotEligible,
        RateLimited,
        Failed,
    }

    /// <param name="pointer">8 when the source could not be translated, 24 for the destination.</param>
    public Result SendParameterProblem(ReadOnlySpan<byte> packet, int pointer) => Send(packet, 4, 0, (uint)pointer);

    /// <summary>Packet Too Big (type 2) with the MTU of the link the packet could not take (RFC 4443 §3.2), as a router sends it.</summary>
    public Result SendPacketTooBig(ReadOnlySpan<byte> packet, int mtu) => Send(packet, 2, 0, (uint)mtu);

    private Result Send(ReadOnlySpan<byte> packet, byte type, byte code, uint value)
    {
        if (!IsEligible(packet)) return Result.NotEligible;
        lock (_lock) return SendLocked(packet, type, code, value);
    }

    private Result SendLocked(ReadOnlySpan<byte> packet, byte type, byte code, uint value)
    {
        if (!TakeToken()) return Result.RateLimited;
        var message = _message.Span;
        message[0] = type;
        message[1] = code;
        message[2] = message[3] = 0; // checksum: the kernel computes it for ICMPv6 raw sockets
        BinaryPrimitives.WriteUInt32BigEndian(message.Slice(4), value);
        int quoted = Math.Min(packet.Length, MessageCapacity - 8);
        packet.Slice(0, quoted).CopyTo(message.Slice(8));

        var address = _address.Span; // struct sockaddr_in6 to the packet's source
        address.Clear();
        BitConverter.TryWriteBytes(address, (ushort)Native.AfInet6);
        packet.Slice(8, 16).CopyTo(address.Slice(8));
        return Native.SendTo(_fd, _message.Pointer, 8 + quoted, Native.DontWait, _address.Pointer, 28) == 8 + quoted ? Result.Sent : Result.Failed;
    }

    private static bool IsEligible(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 40) return false;
        if (packet[8] == 0xFF || packet[24] == 0xFF) return false;                  // multicast source or destination
        if (IsUnspecified(packet.Slice(8, 16))) return false;
        // Not about an ICMPv6 error (types 0-127) directly after the header, as the kernel's is_ineligible decides.
        if (packet[6] == IpProtoIcmpV6 && (packet.Length < 41 || packet[40] < 128)) return false;
        return true;
    }

    private static bool IsUnspecified(ReadOnlySpan<byte> address)
    {
        foreach (byte b in address) if (b != 0) return false;
        return true;
    }

    private bool TakeToken()
    {
        long now = Stopwatch.GetTimestamp();
        _tokens = Math.Min(Burst, _tokens + (now - _lastRefill) * TokensPerSecond / Stopwatch.Frequency);
        _lastRefill = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }

    public void Dispose()
    {
        FileDescriptor.Close(ref _fd);
        _message.Dispose();
        _address.Dispose();
    }
}

#if NET
using System;
using System.Buffers.Binary;

namespace NetDsl.Nptv6.Packets;

/// <summary>
/// The TCP/UDP/ICMPv6 checksum over the IPv6 pseudo-header (RFC 8200 §8.1), for packets whose transport header
/// follows the IPv6 header directly. Used to build test packets and to show that translation kept checksums valid.
/// </summary>
public static class Ipv6Checksum
{
    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte IcmpV6 = 58;

    /// <summary>Offset of the checksum field inside the transport header, or -1 for a protocol without one here.</summary>
    public static int ChecksumFieldOffset(byte protocol) => protocol switch
    {
        Tcp => 16,
        Udp => 6,
        IcmpV6 => 2,
        _ => -1,
    };

    /// <summary>Whether the transport checksum verifies (the one's-complement sum over pseudo-header and payload is 0xFFFF).</summary>
    public static bool IsValid(ReadOnlySpan<byte> packet)
    {
        if (!TryGetPayload(packet, out byte protocol, out var payload) || ChecksumFieldOffset(protocol) < 0) return false;
        return Sum(packet, protocol, payload) == 0xFFFF;
    }

    /// <summary>Computes and stores the transport checksum. False if the packet is not TCP, UDP or ICMPv6 after a bare IPv6 header.</summary>
    public static bool Fill(Span<byte> packet)
    {
        if (!TryGetPayload(packet, out byte protocol, out _)) return false;
        int field = ChecksumFieldOffset(protocol);
        if (field < 0) return false;
        var payload = packet.Slice(Nptv6Packet.HeaderLength, BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(4)));
        payload[field] = 0;
        payload[field + 1] = 0;
        ushort checksum = (ushort)~Sum(packet, protocol, payload);
        if (protocol == Udp && checksum == 0) checksum = 0xFFFF; // RFC 768: 0 means "no checksum"
        BinaryPrimitives.WriteUInt16BigEndian(payload.Slice(field), checksum);
        return true;
    }

    private static bool TryGetPayload(ReadOnlySpan<byte> packet, out byte protocol, out ReadOnlySpan<byte> payload)
    {
        protocol = 0;
        payload = default;
        if (packet.Length < Nptv6Packet.HeaderLength || packet[0] >> 4 != 6) return false;
        int length = BinaryPrimitives.ReadUInt16BigEndian(packet.Slice(4));
        if (Nptv6Packet.HeaderLength + length > packet.Length) return false;
        protocol = packet[6];
        payload = packet.Slice(Nptv6Packet.HeaderLength, length);
        return true;
    }

    private static ushort Sum(ReadOnlySpan<byte> packet, byte protocol, ReadOnlySpan<byte> payload)
    {
        ulong sum = 0;
        sum += SumBytes(packet.Slice(8, 32));      // source and destination addresses
        sum += (ulong)payload.Length;              // upper-layer length
        sum += protocol;                           // next header
        sum += SumBytes(payload);
        while (sum >> 16 != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }

    private static ulong SumBytes(ReadOnlySpan<byte> bytes)
    {
        ulong sum = 0;
        int i = 0;
        for (; i + 1 < bytes.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i));
        if (i < bytes.Length) sum += (ulong)bytes[i] << 8;
        return sum;
    }
}
#endif

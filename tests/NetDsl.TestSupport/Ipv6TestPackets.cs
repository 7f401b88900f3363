using System;
using System.Buffers.Binary;
using NetDsl.Addressing;
using NetDsl.Nptv6.Packets;

namespace NetDsl.TestSupport;

/// <summary>Builds raw IPv6 packets with valid transport checksums, for packet-level and kernel oracle tests.</summary>
public static class Ipv6TestPackets
{
    public const byte DefaultHopLimit = 64;

    public static byte[] Udp(IpAddress source, IpAddress destination, ushort sourcePort, ushort destinationPort, byte[] payload)
    {
        var udp = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(0), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        payload.CopyTo(udp, 8);
        return Packet(source, destination, Ipv6Checksum.Udp, udp);
    }

    /// <summary>A TCP SYN with an MSS option.</summary>
    public static byte[] TcpSyn(IpAddress source, IpAddress destination, ushort sourcePort, ushort destinationPort, uint sequence)
    {
        var tcp = new byte[24];
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(0), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(4), sequence);
        tcp[12] = 6 << 4; // data offset: 6 words
        tcp[13] = 0x02;   // SYN
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(14), 64240);
        tcp[20] = 2; tcp[21] = 4; BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(22), 1440);
        return Packet(source, destination, Ipv6Checksum.Tcp, tcp);
    }

    public static byte[] EchoRequest(IpAddress source, IpAddress destination, ushort identifier, ushort sequence, byte[] payload)
    {
        var icmp = new byte[8 + payload.Length];
        icmp[0] = 128;
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(4), identifier);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(6), sequence);
        payload.CopyTo(icmp, 8);
        return Packet(source, destination, Ipv6Checksum.IcmpV6, icmp);
    }

    /// <summary>An ICMPv6 error (type 1 destination unreachable, code 4 port unreachable, by default) quoting <paramref name="invoking"/>.</summary>
    public static byte[] IcmpError(IpAddress source, IpAddress destination, byte[] invoking, byte type = 1, byte code = 4)
    {
        var icmp = new byte[8 + invoking.Length];
        icmp[0] = type;
        icmp[1] = code;
        invoking.CopyTo(icmp, 8);
        return Packet(source, destination, Ipv6Checksum.IcmpV6, icmp);
    }

    public static byte[] Packet(IpAddress source, IpAddress destination, byte nextHeader, byte[] payload, byte hopLimit = DefaultHopLimit)
    {
        var packet = new byte[40 + payload.Length];
        packet[0] = 0x60;
        packet[1] = 0x0a; // a traffic class/flow label that must survive translation
        packet[2] = 0xbc;
        packet[3] = 0xde;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)payload.Length);
        packet[6] = nextHeader;
        packet[7] = hopLimit;
        source.GetBytes().CopyTo(packet, 8);
        destination.GetBytes().CopyTo(packet, 24);
        payload.CopyTo(packet, 40);
        if (!Ipv6Checksum.Fill(packet)) throw new InvalidOperationException("cannot checksum next header " + nextHeader);
        return packet;
    }

    public static IpAddress Source(byte[] packet, int offset = 0) => IpAddress.FromBytes(packet.AsSpan(offset + 8, 16).ToArray());

    public static IpAddress Destination(byte[] packet, int offset = 0) => IpAddress.FromBytes(packet.AsSpan(offset + 24, 16).ToArray());
}

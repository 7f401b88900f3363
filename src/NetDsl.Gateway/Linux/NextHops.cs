using System;
using System.Diagnostics;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// Where the kernel would send a packet: the route for its destination (rtnetlink RTM_GETROUTE, as `ip -6 route get`)
/// and, for a unicast route, the link-layer address of the next hop from the kernel's neighbour table (RTM_GETNEIGH).
/// The kernel routes and does neighbour discovery; this only reads its answers, cached per destination for a second in
/// a fixed table (no allocation), so a route or neighbour change reaches the fast path within a second.
/// </summary>
internal sealed unsafe class NextHops : IDisposable
{
    private const int NetlinkRoute = 0;
    private const ushort GetRoute = 26, NewRoute = 24, GetNeighbour = 30, NewNeighbour = 28;
    private const byte RouteLocal = 2, RouteUnicast = 1;
    private const ushort RtaDst = 1, RtaOif = 4, RtaGateway = 5, NdaDst = 1, NdaLinkAddress = 2;
    private const ushort Usable = 0x02 | 0x04 | 0x08 | 0x10 | 0x80; // REACHABLE, STALE, DELAY, PROBE, PERMANENT
    private const int Slots = 4096;

    /// <summary>What the kernel would do with a destination.</summary>
    public enum Kind : byte
    {
        Unknown,
        /// <summary>Sent out <see cref="Entry.Ifindex"/> to <see cref="Entry.Mac"/>.</summary>
        Forward,
        /// <summary>Forwarded, but the next hop's address is not resolved (or another kind of route): leave it to the kernel.</summary>
        Kernel,
        /// <summary>An address of this host.</summary>
        Local,
    }

    public struct Entry
    {
        public ulong High, Low;
        public long Expires;
        public Kind Kind;
        public int Ifindex;
        public ulong Mac; // six bytes, wire order in the low bytes
    }

    private int _fd;
    private readonly Entry[] _entries = new Entry[Slots];
    private readonly NativeBuffer _buffer = new(8192);
    private uint _sequence;
    private readonly long _lifetime = Stopwatch.Frequency; // one second

    public NextHops()
    {
        _fd = Native.Socket(Native.AfNetlink, Native.SockRaw | Native.SocketCloseOnExec, NetlinkRoute);
        if (_fd < 0) throw new GatewayException("cannot open an rtnetlink socket: " + Errno.Describe(Errno.Last));
    }

    /// <summary>The kernel's answer for the destination at <paramref name="address"/> (16 bytes, wire order).</summary>
    public ref Entry Lookup(byte* address)
    {
        ulong high = *(ulong*)address, low = *(ulong*)(address + 8);
        int slot = (int)((high ^ (low * 0x9E3779B97F4A7C15UL)) >> 52) & (Slots - 1);
        ref var entry = ref _entries[slot];
        long now = Stopwatch.GetTimestamp();
        if (entry.Kind != Kind.Unknown && entry.High == high && entry.Low == low && now < entry.Expires) return ref entry;
        entry.High = high;
        entry.Low = low;
        entry.Expires = now + _lifetime;
        Resolve(address, ref entry);
        return ref entry;
    }

    private void Resolve(byte* destination, ref Entry entry)
    {
        entry.Kind = Kind.Kernel;
        entry.Ifindex = 0;
        entry.Mac = 0;
        // RTM_GETROUTE: struct rtmsg (family, dst_len 128, …) and RTA_DST.
        var request = stackalloc byte[64];
        new Span<byte>(request, 64).Clear();
        int length = Netlink.HeaderLength + 12 + 20;
        Header(request, length, GetRoute);
        request[16] = (byte)Native.AfInet6;
        request[17] = 128;
        Attribute(request + 28, RtaDst, destination, 16);
        if (!Ask(request, length, NewRoute, out int reply, out int replyLength)) return;
        var r = _buffer.Pointer + reply;
        byte type = r[16 + 7];
        if (type == RouteLocal) { entry.Kind = Kind.Local; return; }
        if (type != RouteUnicast) return;
        int oif = 0;
        byte* gateway = null;
        for (int at = 16 + 12; at + 4 <= replyLength;)
        {
            ushort attributeLength = *(ushort*)(r + at), attributeType = (ushort)(*(ushort*)(r + at + 2) & 0x3FFF);
            if (attributeLength < 4) break;
            if (attributeType == RtaOif && attributeLength >= 8) oif = *(int*)(r + at + 4);
            if (attributeType == RtaGateway && attributeLength >= 20) gateway = r + at + 4;
            at += Netlink.Align(attributeLength);
        }
        if (oif == 0) return;
        var hop = stackalloc byte[16];
        new Span<byte>(gateway != null ? gateway : destination, 16).CopyTo(new Span<byte>(hop, 16));

        // RTM_GETNEIGH for that next hop on that interface: struct ndmsg and NDA_DST.
        new Span<byte>(request, 64).Clear();
        Header(request, length, GetNeighbour);
        request[16] = (byte)Native.AfInet6;
        *(int*)(request + 20) = oif;
        Attribute(request + 28, NdaDst, hop, 16);
        if (!Ask(request, length, NewNeighbour, out reply, out replyLength)) return;
        var n = _buffer.Pointer + reply;
        ushort state = *(ushort*)(n + 16 + 8);
        if ((state & Usable) == 0) return;
        for (int at = 16 + 12; at + 4 <= replyLength;)
        {
            ushort attributeLength = *(ushort*)(n + at), attributeType = (ushort)(*(ushort*)(n + at + 2) & 0x3FFF);
            if (attributeLength < 4) break;
            if (attributeType == NdaLinkAddress && attributeLength >= 10)
            {
                ulong mac = 0;
                new Span<byte>(n + at + 4, 6).CopyTo(new Span<byte>(&mac, 6));
                entry.Mac = mac;
                entry.Ifindex = oif;
                entry.Kind = Kind.Forward;
                return;
            }
            at += Netlink.Align(attributeLength);
        }
    }

    private void Header(byte* message, int length, ushort type)
    {
        *(uint*)message = (uint)length;
        *(ushort*)(message + 4) = type;
        *(ushort*)(message + 6) = Netlink.Request;
        *(uint*)(message + 8) = ++_sequence;
    }

    private static void Attribute(byte* at, ushort type, byte* value, int valueLength)
    {
        *(ushort*)at = (ushort)(4 + valueLength);
        *(ushort*)(at + 2) = type;
        new Span<byte>(value, valueLength).CopyTo(new Span<byte>(at + 4, valueLength));
    }

    /// <summary>Sends a request and finds its answer of type <paramref name="expected"/>; false on an error reply (no route, no neighbour).</summary>
    private bool Ask(byte* request, int length, ushort expected, out int reply, out int replyLength)
    {
        reply = replyLength = 0;
        if (Native.Send(_fd, request, length, 0) != length) return false;
        uint sequence = _sequence;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            nint received = Native.Recv(_fd, _buffer.Pointer, _buffer.Length, 0);
            if (received < Netlink.HeaderLength) return false;
            for (int at = 0; at + Netlink.HeaderLength <= received;)
            {
                var m = _buffer.Pointer + at;
                uint messageLength = *(uint*)m;
                if (messageLength < Netlink.HeaderLength || at + messageLength > received) break;
                if (*(uint*)(m + 8) == sequence)
                {
                    ushort type = *(ushort*)(m + 4);
                    if (type == expected)
                    {
                        reply = at;
                        replyLength = (int)messageLength;
                        return true;
                    }
                    if (type == Netlink.Error) return false;
                }
                at += Netlink.Align((int)messageLength);
            }
        }
        return false;
    }

    public void Dispose()
    {
        FileDescriptor.Close(ref _fd);
        _buffer.Dispose();
    }
}

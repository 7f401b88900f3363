using System;
using System.Threading;
using NetDsl.Gateway.Linux;
using NetDsl.Gateway.Translation;

namespace NetDsl.Gateway.DataPaths;

/// <summary>
/// The AF_XDP fast path between an inside and an outside interface: an XDP program on each hands this reader the frames
/// to translate (<see cref="XdpProgram"/>); it translates a batch per side in the receive memory, asks the kernel where
/// each goes (<see cref="NextHops"/>: route and neighbour, cached), and sends it straight out of the other interface's
/// socket with the next hop's link-layer address and the hop limit decremented — a router's forwarding, without the
/// kernel's forwarding path. What the fast path does not handle goes to the kernel, which routes it and does neighbour
/// discovery: an outbound packet that would not leave through the outside interface (for this host, or another inside
/// network) untranslated, as SNPT on that interface would leave it; a translated packet whose next hop is not resolved,
/// or that leaves elsewhere, translated, through a raw socket. A packet too big for the way out is answered with Packet
/// Too Big (quoting it as its sender sent it) and dropped, as a router does.
/// </summary>
internal sealed unsafe class XdpReader : PacketReader
{
    private const int Ethernet = 14;
    private readonly XdpDataPath _path;
    private readonly BatchTranslation _translation;
    private readonly IcmpErrorSocket? _icmp;
    private readonly XskSocket[] _sides;      // 0 inside (outbound), 1 outside (inbound)
    private readonly int[] _links;            // BPF link descriptors (the programs detach when they close)
    private readonly int[] _programs, _maps;
    private readonly LinkInfo[] _interfaces;
    private readonly NextHops _nextHops = new();
    private readonly RawSender _raw;
    private readonly PollFd* _poll;
    private readonly NativeBuffer _pollBuffer;
    private readonly int[] _offsets, _lengths, _descriptors;
    private readonly PacketDirection[] _directions;
    private readonly PacketVerdict[] _verdicts;

    public XdpReader(XdpDataPath path, BatchTranslation translation, IcmpErrorSocket? icmp, WakeEvent wake)
        : base("nptv6 xdp " + path.InsideInterface + "/" + path.OutsideInterface, wake)
    {
        _path = path;
        _translation = translation;
        _icmp = icmp;
        _sides = new XskSocket[2];
        _links = new[] { -1, -1 };
        _programs = new[] { -1, -1 };
        _maps = new[] { -1, -1 };
        _interfaces = new LinkInfo[2];
        _raw = new RawSender();
        int capacity = translation.Capacity;
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        _descriptors = new int[capacity];
        _directions = new PacketDirection[capacity];
        _verdicts = new PacketVerdict[capacity];
        _pollBuffer = new NativeBuffer(3 * sizeof(PollFd));
        _poll = (PollFd*)_pollBuffer.Pointer;
        try
        {
            string[] devices = { path.InsideInterface, path.OutsideInterface };
            for (int side = 0; side < 2; side++)
            {
                int ifindex = Ifindex(devices[side]);
                _interfaces[side] = new LinkInfo(devices[side]);
                _sides[side] = XskSocket.Open(devices[side], ifindex);
                _maps[side] = Bpf.CreateXskMap(1);
                Bpf.UpdateMap(_maps[side], 0, _sides[side].Fd);
                var prefixes = new System.Collections.Generic.List<NetDsl.Addressing.IpPrefix>();
                foreach (var m in translation.Mappings) prefixes.Add(side == 0 ? m.Prefixes.Inside : m.Prefixes.Outside);
                _programs[side] = Bpf.LoadXdp(XdpProgram.Build(_maps[side], matchSource: side == 0, prefixes), "netdsl_nptv6");
                _links[side] = Bpf.AttachXdp(_programs[side], ifindex, devices[side], out _);
                _poll[side] = new PollFd { Fd = _sides[side].Fd, Events = Native.PollIn };
            }
            _poll[2] = new PollFd { Fd = wake.Fd, Events = Native.PollIn };
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private static int Ifindex(string device)
    {
        fixed (byte* name = FileDescriptor.CString(device))
        {
            int ifindex = (int)Native.IfNameToIndex(name);
            if (ifindex == 0) throw new GatewayException($"no interface {device} in this network namespace");
            return ifindex;
        }
    }

    protected override bool RunBatch()
    {
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        _interfaces[0].RefreshIfStale(now);
        _interfaces[1].RefreshIfStale(now);
        int handled = Side(0) + Side(1);
        if (handled == 0)
        {
            if (!Stopping) Native.Poll(_poll, 3, -1);
            return false;
        }
        return true;
    }

    /// <summary>One batch from one side's receive ring: translated and sent, its frames given back to the kernel.</summary>
    private int Side(int side)
    {
        var rx = _sides[side];
        var tx = _sides[1 - side];
        uint producer = Volatile.Read(ref *rx.Rx.Producer), consumer = *rx.Rx.Consumer;
        int count = (int)Math.Min(producer - consumer, (uint)_translation.Capacity);
        if (count == 0) return 0;

        // Outbound: only what the kernel would send out of the outside interface is SNPT's (the rest goes on untranslated).
        int batch = 0;
        for (int i = 0; i < count; i++)
        {
            var descriptor = (ulong*)(rx.Rx.Descriptors + ((consumer + i) & rx.Rx.Mask) * 16);
            int offset = (int)*descriptor, length = (int)*(uint*)(descriptor + 1);
            byte* packet = rx.Umem + offset + Ethernet;
            if (length - Ethernet > _interfaces[1 - side].Mtu)
            {
                // Too big for the way out: what a router answers, about the packet as its sender sent it.
                Counters.Received++;
                Counters.TooBig++;
                if (_icmp?.SendPacketTooBig(new ReadOnlySpan<byte>(packet, length - Ethernet), _interfaces[1 - side].Mtu) == IcmpErrorSocket.Result.Sent) Counters.IcmpErrorsSent++;
                continue;
            }
            if (side == 0)
            {
                ref var hop = ref _nextHops.Lookup(packet + 24);
                if (hop.Kind == NextHops.Kind.Local || (hop.Kind == NextHops.Kind.Forward && hop.Ifindex != tx.Ifindex))
                {
                    Counters.Received++;
                    Counters.NotMatched++;
                    _raw.Send(packet, length - Ethernet, Counters, decrementHopLimit: hop.Kind != NextHops.Kind.Local);
                    continue;
                }
            }
            _offsets[batch] = offset + Ethernet;
            _lengths[batch] = length - Ethernet;
            _directions[batch] = side == 0 ? PacketDirection.Outbound : PacketDirection.Inbound;
            batch++;
        }

        if (batch > 0)
        {
            var verdicts = _verdicts.AsSpan(0, batch);
            _translation.Translate(new Span<byte>(rx.Umem, XskSocket.Frames * XskSocket.FrameSize), _offsets.AsSpan(0, batch), _lengths.AsSpan(0, batch), _directions.AsSpan(0, batch), verdicts);
            Counters.Count(verdicts);
            tx.ReclaimSent();
            uint txProducer = *tx.Tx.Producer;
            uint sent = 0;
            for (int i = 0; i < batch; i++)
            {
                byte* packet = rx.Umem + _offsets[i];
                int length = _lengths[i];
                switch (verdicts[i])
                {
                    case PacketVerdict.TranslatedOutbound:
                    case PacketVerdict.TranslatedInbound:
                        if (IcmpErrors.IsError(packet, length)) Counters.IcmpErrorsTranslated++;
                        ref var hop = ref _nextHops.Lookup(packet + 24);
                        int frame;
                        if (hop.Kind == NextHops.Kind.Forward && hop.Ifindex == tx.Ifindex && (frame = tx.TakeFrame()) >= 0)
                        {
                            byte* outgoing = tx.Umem + (long)frame * XskSocket.FrameSize;
                            *(ulong*)outgoing = hop.Mac;                               // destination: the next hop
                            *(ulong*)(outgoing + 6) = _interfaces[1 - side].Mac;       // source: our interface (bytes 12-13 follow)
                            outgoing[12] = 0x86;
                            outgoing[13] = 0xdd;
                            Buffer.MemoryCopy(packet, outgoing + Ethernet, XskSocket.FrameSize - Ethernet, length);
                            outgoing[Ethernet + 7]--;                                   // forwarded once (the XDP program let only > 1 through)
                            var descriptor = (ulong*)(tx.Tx.Descriptors + ((txProducer + sent) & tx.Tx.Mask) * 16);
                            *descriptor = (ulong)frame * XskSocket.FrameSize;
                            *(ulong*)(descriptor + 1) = (uint)(length + Ethernet);     // len, options 0
                            sent++;
                        }
                        else
                        {
                            _raw.Send(packet, length, Counters, decrementHopLimit: true); // the kernel routes it and resolves the next hop
                        }
                        break;
                    case PacketVerdict.UntranslatableSource:
                    case PacketVerdict.UntranslatableDestination:
                        IcmpErrors.Report(_icmp, Counters, new ReadOnlySpan<byte>(packet, length), verdicts[i]);
                        break;
                    default:
                        break; // the program only lets the rule's prefixes through: nothing else arrives here
                }
            }
            if (sent > 0)
            {
                Volatile.Write(ref *tx.Tx.Producer, txProducer + sent);
                tx.Flush(txProducer + sent);
            }
        }

        // Every received frame goes back to the kernel for the next receive.
        uint fill = *rx.Fill.Producer;
        for (int i = 0; i < count; i++)
            ((ulong*)rx.Fill.Descriptors)[(fill + i) & rx.Fill.Mask] = *(ulong*)(rx.Rx.Descriptors + ((consumer + i) & rx.Rx.Mask) * 16);
        Volatile.Write(ref *rx.Rx.Consumer, consumer + (uint)count);
        Volatile.Write(ref *rx.Fill.Producer, fill + (uint)count);
        return count;
    }

    public override void Dispose()
    {
        for (int side = 0; side < 2; side++)
        {
            FileDescriptor.Close(ref _links[side]);
            FileDescriptor.Close(ref _programs[side]);
            FileDescriptor.Close(ref _maps[side]);
            _sides[side]?.Dispose();
            _interfaces[side]?.Dispose();
        }
        _nextHops.Dispose();
        _raw.Dispose();
        _pollBuffer.Dispose();
    }
}

/// <summary>
/// Hands an IPv6 packet (header included) to the kernel's output path through a raw socket (IPPROTO_RAW: the header is
/// ours): the kernel routes it and resolves the next hop, queueing it meanwhile. For what the XDP fast path leaves to the
/// kernel; such a packet is the host's own output to netfilter (OUTPUT, not FORWARD).
/// </summary>
internal sealed unsafe class RawSender : IDisposable
{
    private int _fd;
    private readonly NativeBuffer _address = new(28);

    public RawSender()
    {
        _fd = Native.Socket(Native.AfInet6, Native.SockRaw | Native.SocketCloseOnExec, Native.IpProtoRaw);
        if (_fd < 0) throw new GatewayException("cannot open a raw IPv6 socket: " + Errno.Describe(Errno.Last) + "; run as root (CAP_NET_RAW)");
    }

    public void Send(byte* packet, int length, GatewayCounters counters, bool decrementHopLimit)
    {
        if (decrementHopLimit) packet[7]--;
        var address = _address.Pointer;
        new Span<byte>(address, 28).Clear();
        *(ushort*)address = Native.AfInet6;
        new Span<byte>(packet + 24, 16).CopyTo(new Span<byte>(address + 8, 16));
        if (Native.SendTo(_fd, packet, length, Native.DontWait, address, 28) != length)
        {
            counters.SendErrors++;
            counters.LastSendErrno = Errno.Last;
        }
    }

    public void Dispose()
    {
        FileDescriptor.Close(ref _fd);
        _address.Dispose();
    }
}

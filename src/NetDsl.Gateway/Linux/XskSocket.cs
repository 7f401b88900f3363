using System;
using System.Threading;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// An AF_XDP socket on one queue of one interface, in copy mode (every driver has it; veth has no zero-copy), with its
/// own UMEM: frames of 4096 bytes, the first half lent to the kernel for receiving (fill ring), the second half ours
/// for sending (returned through the completion ring). The four rings are shared memory: producer and consumer indexes
/// are read with acquire and written with release semantics, and the kernel is kicked only when it asks to be
/// (XDP_USE_NEED_WAKEUP).
/// </summary>
internal sealed unsafe class XskSocket : IDisposable
{
    public const int FrameSize = 4096;
    public const int Frames = 4096;
    public const int RingSize = 2048;
    private const int SolXdp = 283;
    private const int MmapOffsets = 1, RxRing = 2, TxRing = 3, UmemRegister = 4, FillRing = 5, CompletionRing = 6;
    private const long PgoffRx = 0, PgoffTx = 0x80000000, PgoffFill = 0x100000000, PgoffCompletion = 0x180000000;
    private const ushort Copy = 1 << 1, UseNeedWakeup = 1 << 3;
    private const uint NeedWakeup = 1;

    private int _fd;
    private byte* _umem;
    private readonly nuint _umemLength = (nuint)Frames * FrameSize;

    public Ring Rx, Tx, Fill, Completion;
    private readonly int[] _freeFrames = new int[Frames - RingSize];
    private int _freeCount;

    public int Fd => _fd;

    public byte* Umem => _umem;

    public int Ifindex { get; }

    public string Device { get; }

    /// <summary>One ring: producer and consumer indexes, flags, descriptors; mask = size - 1.</summary>
    public struct Ring
    {
        public uint* Producer;
        public uint* Consumer;
        public uint* Flags;
        public byte* Descriptors;
        public uint Mask;
        public void* Map;
        public nuint MapLength;
    }

    private XskSocket(string device, int ifindex)
    {
        Device = device;
        Ifindex = ifindex;
    }

    public static XskSocket Open(string device, int ifindex)
    {
        var socket = new XskSocket(device, ifindex);
        try
        {
            socket.Create();
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Create()
    {
        _fd = Native.Socket(Native.AfXdp, Native.SockRaw | Native.SocketCloseOnExec, 0);
        if (_fd < 0) throw new GatewayException("cannot open an AF_XDP socket: " + Errno.Describe(Errno.Last) + "; the kernel needs CONFIG_XDP_SOCKETS");
        _umem = (byte*)Native.MMap(null, _umemLength, Native.ProtRead | Native.ProtWrite, Native.MapPrivate | Native.MapAnonymous | Native.MapPopulate, -1, 0);
        if (_umem == (byte*)-1) { _umem = null; throw new GatewayException("cannot map the AF_XDP packet memory: " + Errno.Describe(Errno.Last)); }
        var register = stackalloc ulong[4];
        register[0] = (ulong)_umem;
        register[1] = _umemLength;
        ((uint*)register)[4] = FrameSize; // chunk size
        ((uint*)register)[5] = 0;         // headroom
        ((uint*)register)[6] = 0;         // flags
        ((uint*)register)[7] = 0;
        Check(Native.SetSockOpt(_fd, SolXdp, UmemRegister, register, 32), "register the AF_XDP packet memory");
        int size = RingSize;
        foreach (int ring in new[] { FillRing, CompletionRing, RxRing, TxRing })
            Check(Native.SetSockOpt(_fd, SolXdp, ring, &size, sizeof(int)), "size the AF_XDP rings");
        var offsets = stackalloc ulong[16]; // struct xdp_mmap_offsets: rx, tx, fill, completion × (producer, consumer, desc, flags)
        uint length = 128;
        Check(Native.GetSockOpt(_fd, SolXdp, MmapOffsets, offsets, &length), "read the AF_XDP ring offsets");
        Rx = MapRing(offsets, 0, PgoffRx, 16);
        Tx = MapRing(offsets, 4, PgoffTx, 16);
        Fill = MapRing(offsets, 8, PgoffFill, 8);
        Completion = MapRing(offsets, 12, PgoffCompletion, 8);

        // The first RingSize frames go to the kernel for receiving; the rest are ours to send from.
        for (int i = 0; i < RingSize; i++) ((ulong*)Fill.Descriptors)[i] = (ulong)i * FrameSize;
        Volatile.Write(ref *Fill.Producer, RingSize);
        for (int i = RingSize; i < Frames; i++) _freeFrames[_freeCount++] = i;

        var address = stackalloc byte[16]; // struct sockaddr_xdp
        new Span<byte>(address, 16).Clear();
        *(ushort*)address = Native.AfXdp;
        *(ushort*)(address + 2) = Copy | UseNeedWakeup;
        *(uint*)(address + 4) = (uint)Ifindex;
        *(uint*)(address + 8) = 0; // queue 0
        Check(Native.Bind(_fd, address, 16), $"bind an AF_XDP socket to {Device} queue 0");
    }

    private Ring MapRing(ulong* offsets, int at, long pageOffset, int descriptorSize)
    {
        nuint length = (nuint)(offsets[at + 2] + (ulong)(RingSize * descriptorSize));
        var map = (byte*)Native.MMap(null, length, Native.ProtRead | Native.ProtWrite, Native.MapShared | Native.MapPopulate, _fd, pageOffset);
        if (map == (byte*)-1) throw new GatewayException("cannot map an AF_XDP ring: " + Errno.Describe(Errno.Last));
        return new Ring
        {
            Producer = (uint*)(map + offsets[at]),
            Consumer = (uint*)(map + offsets[at + 1]),
            Descriptors = map + offsets[at + 2],
            Flags = (uint*)(map + offsets[at + 3]),
            Mask = RingSize - 1,
            Map = map,
            MapLength = length,
        };
    }

    private static void Check(int result, string what)
    {
        if (result < 0) throw new GatewayException(what + ": " + Errno.Describe(Errno.Last));
    }

    /// <summary>Frames sent and done with (completion ring) back to the free list.</summary>
    public void ReclaimSent()
    {
        uint producer = Volatile.Read(ref *Completion.Producer), consumer = *Completion.Consumer;
        for (; consumer != producer; consumer++) _freeFrames[_freeCount++] = (int)(((ulong*)Completion.Descriptors)[consumer & Completion.Mask] / FrameSize);
        Volatile.Write(ref *Completion.Consumer, consumer);
    }

    /// <summary>A free frame to send from, or -1 when every one is in flight.</summary>
    public int TakeFrame() => _freeCount > 0 ? _freeFrames[--_freeCount] : -1;

    /// <summary>Kicks the kernel to send what the TX ring holds, until it has taken it all (copy mode sends a few dozen per kick).</summary>
    public void Flush(uint producer)
    {
        for (int kick = 0; kick < 64 && Volatile.Read(ref *Tx.Consumer) != producer; kick++)
        {
            if (Native.SendTo(_fd, null, 0, Native.DontWait, null, 0) < 0)
            {
                int errno = Errno.Last;
                if (errno != Errno.Again && errno != Errno.Busy && errno != Errno.NoBufferSpace) return;
            }
        }
    }

    public void Dispose()
    {
        foreach (var ring in new[] { Rx, Tx, Fill, Completion })
            if (ring.Map != null) Native.MUnmap(ring.Map, ring.MapLength);
        if (_umem != null) Native.MUnmap(_umem, _umemLength);
        _umem = null;
        FileDescriptor.Close(ref _fd);
    }
}

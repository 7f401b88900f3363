using System;
using NetDsl.Gateway.Linux;
using NetDsl.Gateway.Translation;

namespace NetDsl.Gateway.DataPaths;

/// <summary>
/// The reader of one TUN queue: up to a batch of packets read (non-blocking, until the queue is empty), translated in
/// one call per mapping, and each translated one written back. A read and a write per packet is what a TUN device
/// allows (it has no batched read); the batch still saves the per-packet work around them.
/// </summary>
internal sealed unsafe class TunReader : PacketReader
{
    private readonly int _fd;
    private readonly TunDataPath _path;
    private readonly BatchTranslation _translation;
    private readonly IcmpErrorSocket? _icmp;
    private readonly NativeBuffer _slots;
    private readonly int _slotLength;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly PacketDirection[] _directions;
    private readonly PacketVerdict[] _verdicts;
    private readonly PollFd* _poll;
    private readonly NativeBuffer _pollBuffer;

    public TunReader(int fd, int queue, TunDataPath path, BatchTranslation translation, IcmpErrorSocket? icmp, WakeEvent wake)
        : base("nptv6 tun " + path.Device + " q" + queue, wake)
    {
        _fd = fd;
        _path = path;
        _translation = translation;
        _icmp = icmp;
        int capacity = translation.Capacity;
        _slotLength = (path.Mtu + 63) & ~63;
        _slots = new NativeBuffer(capacity * _slotLength);
        _offsets = new int[capacity];
        for (int i = 0; i < capacity; i++) _offsets[i] = i * _slotLength;
        _lengths = new int[capacity];
        _directions = new PacketDirection[capacity]; // Either: a TUN device carries both directions
        _verdicts = new PacketVerdict[capacity];
        _pollBuffer = new NativeBuffer(2 * sizeof(PollFd));
        _poll = (PollFd*)_pollBuffer.Pointer;
        _poll[0] = new PollFd { Fd = fd, Events = Native.PollIn };
        _poll[1] = new PollFd { Fd = wake.Fd, Events = Native.PollIn };
    }

    protected override bool RunBatch()
    {
        int count = 0;
        byte* slots = _slots.Pointer;
        while (count < _translation.Capacity)
        {
            nint read = Native.Read(_fd, slots + _offsets[count], _slotLength);
            if (read >= 0)
            {
                _lengths[count++] = (int)read;
                continue;
            }
            int errno = Errno.Last;
            if (errno == Errno.Interrupted) continue;
            if (errno == Errno.Again) break;
            throw new GatewayException($"reading TUN device {_path.Device}: {Errno.Describe(errno)}");
        }
        if (count == 0)
        {
            if (!Stopping) Native.Poll(_poll, 2, -1);
            return false;
        }

        var buffer = _slots.Span;
        var verdicts = _verdicts.AsSpan(0, count);
        _translation.Translate(buffer, _offsets.AsSpan(0, count), _lengths.AsSpan(0, count), _directions.AsSpan(0, count), verdicts);
        Counters.Count(verdicts);
        for (int i = 0; i < count; i++)
        {
            byte* packet = slots + _offsets[i];
            int length = _lengths[i];
            switch (verdicts[i])
            {
                case PacketVerdict.TranslatedOutbound:
                case PacketVerdict.TranslatedInbound:
                    if (_path.CompensateHopLimit && packet[7] < 255) packet[7]++;
                    if (IcmpErrors.IsError(packet, length)) Counters.IcmpErrorsTranslated++;
                    if (Native.Write(_fd, packet, length) != length)
                    {
                        Counters.SendErrors++;
                        Counters.LastSendErrno = Errno.Last;
                    }
                    break;
                case PacketVerdict.UntranslatableSource:
                case PacketVerdict.UntranslatableDestination:
                    IcmpErrors.Report(_icmp, Counters, new ReadOnlySpan<byte>(packet, length), verdicts[i]);
                    break;
                default:
                    break; // matching no mapping, or not IPv6: written back it would only be routed here again
            }
        }
        return true;
    }

    public override void Dispose()
    {
        _slots.Dispose();
        _pollBuffer.Dispose();
    }
}

using System;
using System.Buffers.Binary;
using NetDsl.Gateway.Linux;
using NetDsl.Gateway.Translation;

namespace NetDsl.Gateway.DataPaths;

/// <summary>
/// The reader of an NFQUEUE socket: one recvmmsg takes up to a batch of queued packets (one netlink message each),
/// their payloads are translated in place in the receive buffers, and one send returns every verdict: accept with the
/// translated bytes, accept unchanged (no mapping applies, or not IPv6), or drop (untranslatable).
/// </summary>
internal sealed unsafe class NfQueueReader : PacketReader
{
    /// <summary>The largest payload nfnetlink_queue copies whole (NFQNL_MAX_COPY_RANGE).</summary>
    public const int MaxPayload = 0xFFFF - 4;
    private const int SlotLength = 65536 + 1024; // payload + netlink, nfgenmsg and the other attributes

    private readonly NfQueueSocket _socket;
    private readonly NfQueueDataPath _path;
    private readonly BatchTranslation _translation;
    private readonly IcmpErrorSocket? _icmp;
    private readonly NativeBuffer _slots;
    private readonly NativeBuffer _headers;   // mmsghdr[capacity], then iovec[capacity]
    private readonly NativeBuffer _verdicts;
    private readonly NativeBuffer _pollBuffer;
    private readonly MMsgHdr* _messages;
    private readonly PollFd* _poll;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly PacketDirection[] _directions;
    private readonly PacketVerdict[] _packetVerdicts;
    private readonly uint[] _ids;
    private readonly ushort[] _queues;
    private readonly bool[] _truncated;

    public NfQueueReader(NfQueueSocket socket, NfQueueDataPath path, BatchTranslation translation, IcmpErrorSocket? icmp, WakeEvent wake)
        : base("nptv6 nfqueue " + path.OutboundQueue + "+" + path.InboundQueue, wake)
    {
        _socket = socket;
        _path = path;
        _translation = translation;
        _icmp = icmp;
        int capacity = translation.Capacity;
        _slots = new NativeBuffer(capacity * SlotLength);
        _headers = new NativeBuffer(capacity * (sizeof(MMsgHdr) + sizeof(IoVec)));
        _verdicts = new NativeBuffer(capacity * NfQueueSocket.VerdictLength(SlotLength));
        _messages = (MMsgHdr*)_headers.Pointer;
        var iovecs = (IoVec*)(_headers.Pointer + capacity * sizeof(MMsgHdr));
        for (int i = 0; i < capacity; i++)
        {
            iovecs[i] = new IoVec { Base = _slots.Pointer + i * SlotLength, Length = SlotLength };
            _messages[i].Header.Iov = &iovecs[i];
            _messages[i].Header.IovLength = 1;
        }
        _pollBuffer = new NativeBuffer(2 * sizeof(PollFd));
        _poll = (PollFd*)_pollBuffer.Pointer;
        _poll[0] = new PollFd { Fd = socket.Fd, Events = Native.PollIn };
        _poll[1] = new PollFd { Fd = wake.Fd, Events = Native.PollIn };
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        _directions = new PacketDirection[capacity];
        _packetVerdicts = new PacketVerdict[capacity];
        _ids = new uint[capacity];
        _queues = new ushort[capacity];
        _truncated = new bool[capacity];
    }

    protected override bool RunBatch()
    {
        int received = Native.RecvMMsg(_socket.Fd, _messages, (uint)_translation.Capacity, Native.DontWait, null);
        if (received < 0)
        {
            int errno = Errno.Last;
            if (errno == Errno.Again)
            {
                if (!Stopping) Native.Poll(_poll, 2, -1);
                return false;
            }
            if (errno == Errno.Interrupted || errno == Errno.NoBufferSpace) return false;
            throw new GatewayException($"receiving from NFQUEUE {_path.OutboundQueue}/{_path.InboundQueue}: {Errno.Describe(errno)}");
        }

        int count = 0;
        var slots = new ReadOnlySpan<byte>(_slots.Pointer, _slots.Length);
        for (int m = 0; m < received; m++)
        {
            if (Parse(slots, m * SlotLength, (int)_messages[m].Length, count)) count++;
        }
        if (count == 0) return true;

        var verdicts = _packetVerdicts.AsSpan(0, count);
        _translation.Translate(_slots.Span, _offsets.AsSpan(0, count), _lengths.AsSpan(0, count), _directions.AsSpan(0, count), verdicts);
        Counters.Count(verdicts);

        var batch = _verdicts.Span;
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            var payload = _slots.Span.Slice(_offsets[i], _lengths[i]);
            if (_truncated[i])
            {
                // Longer than NFQUEUE copies: it cannot be translated, and it must not leave untranslated.
                length = _socket.AppendVerdict(batch, length, _queues[i], _ids[i], NfQueueSocket.Drop, ReadOnlySpan<byte>.Empty);
                continue;
            }
            switch (verdicts[i])
            {
                case PacketVerdict.TranslatedOutbound:
                case PacketVerdict.TranslatedInbound:
                    if (IcmpErrors.IsError(_slots.Pointer + _offsets[i], _lengths[i])) Counters.IcmpErrorsTranslated++;
                    length = _socket.AppendVerdict(batch, length, _queues[i], _ids[i], NfQueueSocket.Accept, payload);
                    break;
                case PacketVerdict.UntranslatableSource:
                case PacketVerdict.UntranslatableDestination:
                    IcmpErrors.Report(_icmp, Counters, payload, verdicts[i]);
                    length = _socket.AppendVerdict(batch, length, _queues[i], _ids[i], NfQueueSocket.Drop, ReadOnlySpan<byte>.Empty);
                    break;
                default:
                    // Not this rule's prefix, or not IPv6: the rule does not apply, the packet goes on as it came.
                    length = _socket.AppendVerdict(batch, length, _queues[i], _ids[i], NfQueueSocket.Accept, ReadOnlySpan<byte>.Empty);
                    break;
            }
        }
        if (!_socket.SendVerdicts(_verdicts.Pointer, length, out int sendErrno))
        {
            Counters.SendErrors++;
            Counters.LastSendErrno = sendErrno;
        }
        return true;
    }

    /// <summary>
    /// Reads the packet message at <paramref name="at"/> into entry <paramref name="index"/>: its id, queue and payload.
    /// An error report (a verdict the kernel refused) is counted instead; false when the message is not a packet.
    /// </summary>
    private bool Parse(ReadOnlySpan<byte> slots, int at, int datagramLength, int index)
    {
        if (datagramLength < Netlink.HeaderLength) return false;
        int messageLength = (int)Math.Min(Netlink.MessageLength(slots, at), (uint)datagramLength);
        ushort type = Netlink.MessageType(slots, at);
        if (type == Netlink.Error)
        {
            if (messageLength >= Netlink.HeaderLength + 4 && BitConverter.ToInt32(slots.Slice(at + Netlink.HeaderLength)) is int error && error != 0)
            {
                Counters.SendErrors++;
                Counters.LastSendErrno = -error;
            }
            return false;
        }
        if (type != NfQueueSocket.PacketMessage || messageLength < Netlink.HeaderLength + NfQueueSocket.GenericHeaderLength) return false;

        ushort queue = BinaryPrimitives.ReadUInt16BigEndian(slots.Slice(at + 18));
        int end = at + messageLength;
        int attribute = at + Netlink.HeaderLength + NfQueueSocket.GenericHeaderLength;
        bool haveId = false, havePayload = false, truncated = false;
        while (attribute + Netlink.AttributeHeaderLength <= end)
        {
            int attributeLength = BitConverter.ToUInt16(slots.Slice(attribute));
            int attributeType = BitConverter.ToUInt16(slots.Slice(attribute + 2)) & 0x3FFF; // without NLA_F_NESTED / NET_BYTEORDER
            if (attributeLength < Netlink.AttributeHeaderLength || attribute + attributeLength > end) break;
            int value = attribute + Netlink.AttributeHeaderLength, valueLength = attributeLength - Netlink.AttributeHeaderLength;
            switch (attributeType)
            {
                case NfQueueSocket.PacketHeaderAttribute when valueLength >= 4:
                    _ids[index] = BinaryPrimitives.ReadUInt32BigEndian(slots.Slice(value));
                    haveId = true;
                    break;
                case NfQueueSocket.PayloadAttribute:
                    _offsets[index] = value;
                    _lengths[index] = valueLength;
                    havePayload = true;
                    break;
                case NfQueueSocket.CaptureLengthAttribute:
                    truncated = true;
                    break;
            }
            attribute += Netlink.Align(attributeLength);
        }
        if (!haveId) return false;
        if (!havePayload) { _offsets[index] = at; _lengths[index] = 0; }
        _queues[index] = queue;
        _truncated[index] = truncated;
        // A copy cut short is translated as an empty packet (malformed, nothing written) and dropped (see RunBatch).
        _directions[index] = queue == _path.OutboundQueue ? PacketDirection.Outbound : PacketDirection.Inbound;
        if (truncated) _lengths[index] = 0;
        return true;
    }

    public override void Dispose()
    {
        _socket.Dispose();
        _slots.Dispose();
        _headers.Dispose();
        _verdicts.Dispose();
        _pollBuffer.Dispose();
    }
}

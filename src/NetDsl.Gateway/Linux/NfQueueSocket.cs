using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// One nfnetlink_queue socket (linux/netfilter/nfnetlink_queue.h) bound to a set of NFQUEUE numbers: packets the
/// netfilter rules send to those queues arrive here whole (copy mode "packet"), and each gets a verdict — accept,
/// with the translated bytes, or drop. Verdicts of a batch go to the kernel in one send, one netlink message each.
/// Queues are per network namespace: the socket serves the namespace it was opened in.
/// </summary>
internal sealed unsafe class NfQueueSocket : IDisposable
{
    private const int NetlinkNetfilter = 12;       // NETLINK_NETFILTER
    private const int SubsystemQueue = 3;          // NFNL_SUBSYS_QUEUE
    public const ushort PacketMessage = (SubsystemQueue << 8) | 0;   // NFQNL_MSG_PACKET
    private const ushort VerdictMessage = (SubsystemQueue << 8) | 1; // NFQNL_MSG_VERDICT
    private const ushort ConfigMessage = (SubsystemQueue << 8) | 2;  // NFQNL_MSG_CONFIG
    public const int GenericHeaderLength = 4;       // struct nfgenmsg: family, version, res_id (big-endian queue number)

    // Attributes of a packet message and of a verdict.
    public const ushort PacketHeaderAttribute = 1;  // NFQA_PACKET_HDR: be32 id, be16 hw_protocol, u8 hook
    private const ushort VerdictHeaderAttribute = 2; // NFQA_VERDICT_HDR: be32 verdict, be32 id
    public const ushort PayloadAttribute = 10;       // NFQA_PAYLOAD
    public const ushort CaptureLengthAttribute = 13; // NFQA_CAP_LEN: the packet was longer than what was copied

    // Configuration.
    private const ushort ConfigCommand = 1;   // NFQA_CFG_CMD: u8 command, u8 pad, be16 pf
    private const ushort ConfigParams = 2;    // NFQA_CFG_PARAMS: be32 copy_range, u8 copy_mode
    private const ushort ConfigQueueMaxLength = 3;
    private const byte CommandBind = 1;
    private const byte CopyPacket = 2;

    public const uint Drop = 0;    // NF_DROP
    public const uint Accept = 1;  // NF_ACCEPT

    private int _fd;
    private uint _sequence;

    private NfQueueSocket(int fd) => _fd = fd;

    public int Fd => _fd;

    /// <summary>Opens a socket and binds every queue in <paramref name="queues"/> (0-65535) to it.</summary>
    public static NfQueueSocket Open(IReadOnlyList<ushort> queues, int maxPacketLength, int queueLength)
    {
        int fd = Native.Socket(Native.AfNetlink, Native.SockRaw | Native.SocketNonBlocking | Native.SocketCloseOnExec, NetlinkNetfilter);
        if (fd < 0) throw new GatewayException("cannot open a netfilter netlink socket: " + Errno.Describe(Errno.Last) + "; the kernel needs CONFIG_NETFILTER_NETLINK_QUEUE and the process CAP_NET_ADMIN");
        var socket = new NfQueueSocket(fd);
        try
        {
            var address = stackalloc byte[12]; // struct sockaddr_nl: family, pad, pid 0 (the kernel assigns it), groups 0
            new Span<byte>(address, 12).Clear();
            *(ushort*)address = Native.AfNetlink;
            FileDescriptor.Check(Native.Bind(fd, address, 12), "bind the netfilter netlink socket");
            // A big receive buffer absorbs bursts; without ENOBUFS reports an overrun is only the kernel's drop counter.
            int buffer = 16 << 20, on = 1;
            Native.SetSockOpt(fd, Native.SolSocket, Native.SoRcvBufForce, &buffer, sizeof(int));
            Native.SetSockOpt(fd, Native.SolSocket, Native.SoSndBufForce, &buffer, sizeof(int));
            Native.SetSockOpt(fd, Netlink.SolNetlink, Netlink.NoEnobufs, &on, sizeof(int));
            foreach (var queue in queues) socket.Bind(queue, maxPacketLength, queueLength);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Bind(ushort queue, int maxPacketLength, int queueLength)
    {
        Span<byte> message = stackalloc byte[64];
        message.Clear();
        int end = Header(message, ConfigMessage, Netlink.Request | Netlink.Acknowledge, queue);
        int value = Netlink.WriteAttributeHeader(message, end, ConfigCommand, 4);
        message[value] = CommandBind;
        BinaryPrimitives.WriteUInt16BigEndian(message.Slice(value + 2), Native.AfInet6);
        end = Netlink.Align(value + 4);
        Request(message, end, $"bind NFQUEUE {queue}", "another process (another gateway?) has bound this queue number in this network namespace; stop it or pick other queue numbers");

        message.Clear();
        end = Header(message, ConfigMessage, Netlink.Request | Netlink.Acknowledge, queue);
        value = Netlink.WriteAttributeHeader(message, end, ConfigParams, 5);
        BinaryPrimitives.WriteUInt32BigEndian(message.Slice(value), (uint)maxPacketLength);
        message[value + 4] = CopyPacket;
        end = Netlink.Align(value + 5);
        value = Netlink.WriteAttributeHeader(message, end, ConfigQueueMaxLength, 4);
        BinaryPrimitives.WriteUInt32BigEndian(message.Slice(value), (uint)queueLength);
        end = Netlink.Align(value + 4);
        Request(message, end, $"configure NFQUEUE {queue}", null);
    }

    private int Header(Span<byte> message, ushort type, ushort flags, ushort queue)
    {
        Netlink.WriteHeader(message, 0, type, flags, ++_sequence);
        message[16] = 0; // AF_UNSPEC
        message[17] = 0; // NFNETLINK_V0
        BinaryPrimitives.WriteUInt16BigEndian(message.Slice(18), queue);
        return Netlink.HeaderLength + GenericHeaderLength;
    }

    /// <summary>Sends one configuration message and waits for its acknowledgement (set-up only, so blocking in poll is fine).</summary>
    private void Request(Span<byte> message, int length, string what, string? busyHint)
    {
        Netlink.Finish(message, 0, length);
        fixed (byte* p = message)
        {
            if (Native.Send(_fd, p, length, 0) != length) throw new GatewayException(what + ": " + Errno.Describe(Errno.Last));
        }
        uint sequence = _sequence;
        var reply = new byte[8192];
        for (int attempt = 0; attempt < 100; attempt++)
        {
            var poll = new PollFd { Fd = _fd, Events = Native.PollIn };
            Native.Poll(&poll, 1, 100);
            nint received;
            fixed (byte* p = reply) received = Native.Recv(_fd, p, reply.Length, Native.DontWait);
            if (received < 0) continue;
            for (int at = 0; at + Netlink.HeaderLength <= received;)
            {
                uint messageLength = Netlink.MessageLength(reply, at);
                if (messageLength < Netlink.HeaderLength) break;
                if (Netlink.MessageType(reply, at) == Netlink.Error && BitConverter.ToUInt32(reply, at + 8) == sequence)
                {
                    int error = -BitConverter.ToInt32(reply, at + 16);
                    if (error == 0) return;
                    throw new GatewayException(what + ": " + Errno.Describe(error) + (error == Errno.Busy && busyHint is not null ? "; " + busyHint : ""));
                }
                at += Netlink.Align((int)messageLength);
            }
        }
        throw new GatewayException(what + ": the kernel did not answer");
    }

    /// <summary>
    /// Appends a verdict for packet <paramref name="id"/> of <paramref name="queue"/> to <paramref name="batch"/> at
    /// <paramref name="offset"/>, with <paramref name="payload"/> as the packet's new bytes when it is not empty.
    /// Returns the offset after it. The caller makes sure the batch buffer is large enough.
    /// </summary>
    public int AppendVerdict(Span<byte> batch, int offset, ushort queue, uint id, uint verdict, ReadOnlySpan<byte> payload)
    {
        int start = offset;
        Netlink.WriteHeader(batch, start, VerdictMessage, Netlink.Request, 0);
        batch[start + 16] = 0;
        batch[start + 17] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(batch.Slice(start + 18), queue);
        int value = Netlink.WriteAttributeHeader(batch, start + Netlink.HeaderLength + GenericHeaderLength, VerdictHeaderAttribute, 8);
        BinaryPrimitives.WriteUInt32BigEndian(batch.Slice(value), verdict);
        BinaryPrimitives.WriteUInt32BigEndian(batch.Slice(value + 4), id);
        int end = value + 8;
        if (!payload.IsEmpty)
        {
            value = Netlink.WriteAttributeHeader(batch, end, PayloadAttribute, payload.Length);
            payload.CopyTo(batch.Slice(value));
            end = value + payload.Length;
            // Attribute padding is part of the message but not of the attribute: zero it, it is not the packet's.
            int aligned = Netlink.Align(end);
            batch.Slice(end, aligned - end).Clear();
            end = aligned;
        }
        return Netlink.Finish(batch, start, end);
    }

    /// <summary>The room a verdict with a payload of <paramref name="payloadLength"/> bytes takes in a batch.</summary>
    public static int VerdictLength(int payloadLength) =>
        Netlink.HeaderLength + GenericHeaderLength + Netlink.AttributeHeaderLength + 8 + Netlink.AttributeHeaderLength + Netlink.Align(payloadLength);

    /// <summary>Sends a batch of verdicts; false (with errno) when the kernel refused the send.</summary>
    public bool SendVerdicts(byte* batch, int length, out int errno)
    {
        errno = 0;
        if (length == 0) return true;
        if (Native.Send(_fd, batch, length, 0) == length) return true;
        errno = Errno.Last;
        return false;
    }

    public void Dispose() => FileDescriptor.Close(ref _fd);
}

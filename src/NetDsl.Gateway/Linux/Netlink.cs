using System;
using System.Buffers.Binary;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// Netlink framing (linux/netlink.h): a 16-byte header per message, then 4-byte-aligned attributes of
/// (length, type, value). Host byte order for the framing; nfnetlink's own values are big-endian.
/// </summary>
internal static class Netlink
{
    public const int HeaderLength = 16;           // struct nlmsghdr
    public const int AttributeHeaderLength = 4;   // struct nlattr
    public const ushort Error = 2;                // NLMSG_ERROR
    public const ushort Done = 3;                 // NLMSG_DONE
    public const ushort Request = 0x1;            // NLM_F_REQUEST
    public const ushort Acknowledge = 0x4;        // NLM_F_ACK
    public const int SolNetlink = 270;
    public const int NoEnobufs = 5;               // NETLINK_NO_ENOBUFS

    public static int Align(int length) => (length + 3) & ~3;

    /// <summary>Writes a message header at <paramref name="offset"/>; the length is patched by <see cref="Finish"/>.</summary>
    public static void WriteHeader(Span<byte> buffer, int offset, ushort type, ushort flags, uint sequence)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(offset), 0);
        BitConverter.TryWriteBytes(buffer.Slice(offset + 4), type);
        BitConverter.TryWriteBytes(buffer.Slice(offset + 6), flags);
        BitConverter.TryWriteBytes(buffer.Slice(offset + 8), sequence);
        BitConverter.TryWriteBytes(buffer.Slice(offset + 12), 0u);
    }

    /// <summary>Sets the length of the message that starts at <paramref name="start"/> and ends at <paramref name="end"/>; returns the aligned end.</summary>
    public static int Finish(Span<byte> buffer, int start, int end)
    {
        BitConverter.TryWriteBytes(buffer.Slice(start), (uint)(end - start));
        return Align(end);
    }

    /// <summary>Writes an attribute header for a value of <paramref name="valueLength"/> bytes; returns where the value goes.</summary>
    public static int WriteAttributeHeader(Span<byte> buffer, int offset, ushort type, int valueLength)
    {
        BitConverter.TryWriteBytes(buffer.Slice(offset), (ushort)(AttributeHeaderLength + valueLength));
        BitConverter.TryWriteBytes(buffer.Slice(offset + 2), type);
        return offset + AttributeHeaderLength;
    }

    public static uint MessageLength(ReadOnlySpan<byte> buffer, int offset) => BitConverter.ToUInt32(buffer.Slice(offset));

    public static ushort MessageType(ReadOnlySpan<byte> buffer, int offset) => BitConverter.ToUInt16(buffer.Slice(offset + 4));
}

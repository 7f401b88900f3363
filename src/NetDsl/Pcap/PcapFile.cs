using System;
using System.Collections.Generic;
using System.IO;

namespace NetDsl.Pcap;

/// <summary>
/// A classic libpcap capture file (not pcapng): the global header and its records, all in memory.
/// Reads both byte orders and both microsecond (0xa1b2c3d4) and nanosecond (0xa1b23c4d) magics; writes
/// little-endian with the same resolution and link type, which is what tcpdump and Wireshark expect.
/// </summary>
public sealed record PcapFile(PcapHeader Header, IReadOnlyList<PcapRecord> Records)
{
    private const uint MicrosecondMagic = 0xa1b2c3d4;
    private const uint NanosecondMagic = 0xa1b23c4d;
    private const int GlobalHeaderLength = 24;
    private const int RecordHeaderLength = 16;

    /// <summary>Reads a capture; never throws on bad content, but gives a reason.</summary>
    public static bool TryRead(Stream stream, out PcapFile? file, out string error)
    {
        file = null;
        var header = new byte[GlobalHeaderLength];
        if (!ReadExactly(stream, header))
        {
            error = "not a pcap file: shorter than the 24-byte header";
            return false;
        }
        uint magicLe = ReadUInt32(header, 0, swapped: false);
        bool swapped;
        bool nano;
        if (magicLe == MicrosecondMagic || magicLe == NanosecondMagic) { swapped = false; nano = magicLe == NanosecondMagic; }
        else
        {
            uint magicBe = ReadUInt32(header, 0, swapped: true);
            if (magicBe != MicrosecondMagic && magicBe != NanosecondMagic)
            {
                error = $"not a classic pcap file (magic 0x{magicLe:x8}; pcapng is not supported, convert with `editcap -F pcap`)";
                return false;
            }
            swapped = true;
            nano = magicBe == NanosecondMagic;
        }
        var pcapHeader = new PcapHeader(
            VersionMajor: ReadUInt16(header, 4, swapped),
            VersionMinor: ReadUInt16(header, 6, swapped),
            SnapLength: ReadUInt32(header, 16, swapped),
            LinkType: ReadUInt32(header, 20, swapped) & 0x0FFFFFFF, // upper bits are FCS flags
            NanosecondResolution: nano);

        var records = new List<PcapRecord>();
        var recordHeader = new byte[RecordHeaderLength];
        while (true)
        {
            int got = ReadAtMost(stream, recordHeader);
            if (got == 0) break;
            if (got < RecordHeaderLength)
            {
                error = $"record {records.Count + 1} is truncated (file ends inside its header)";
                return false;
            }
            uint captured = ReadUInt32(recordHeader, 8, swapped);
            if (captured > 256 * 1024)
            {
                error = $"record {records.Count + 1} claims {captured} bytes; the file is damaged";
                return false;
            }
            var data = new byte[captured];
            if (!ReadExactly(stream, data))
            {
                error = $"record {records.Count + 1} is truncated (file ends inside its data)";
                return false;
            }
            records.Add(new PcapRecord(ReadUInt32(recordHeader, 0, swapped), ReadUInt32(recordHeader, 4, swapped), ReadUInt32(recordHeader, 12, swapped), data));
        }
        file = new PcapFile(pcapHeader, records);
        error = "";
        return true;
    }

    public void Write(Stream stream)
    {
        var header = new byte[GlobalHeaderLength];
        WriteUInt32(header, 0, Header.NanosecondResolution ? NanosecondMagic : MicrosecondMagic);
        WriteUInt16(header, 4, Header.VersionMajor);
        WriteUInt16(header, 6, Header.VersionMinor);
        WriteUInt32(header, 16, Header.SnapLength);
        WriteUInt32(header, 20, Header.LinkType);
        stream.Write(header, 0, header.Length);
        var recordHeader = new byte[RecordHeaderLength];
        foreach (var record in Records)
        {
            WriteUInt32(recordHeader, 0, record.Seconds);
            WriteUInt32(recordHeader, 4, record.Fraction);
            WriteUInt32(recordHeader, 8, (uint)record.Data.Length);
            WriteUInt32(recordHeader, 12, Math.Max(record.OriginalLength, (uint)record.Data.Length));
            stream.Write(recordHeader, 0, recordHeader.Length);
            stream.Write(record.Data, 0, record.Data.Length);
        }
    }

    /// <summary>A capture of raw IPv6 packets (LINKTYPE_IPV6), e.g. to write crafted packets for tests.</summary>
    public static PcapFile FromIpv6Packets(IEnumerable<byte[]> packets)
    {
        var records = new List<PcapRecord>();
        uint second = 0;
        foreach (var packet in packets) records.Add(new PcapRecord(second++, 0, (uint)packet.Length, packet));
        return new PcapFile(new PcapHeader(2, 4, 65535, PcapLinkType.Ipv6, false), records);
    }

    private static bool ReadExactly(Stream stream, byte[] buffer) => ReadAtMost(stream, buffer) == buffer.Length;

    private static int ReadAtMost(Stream stream, byte[] buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static ushort ReadUInt16(byte[] b, int i, bool swapped) =>
        swapped ? (ushort)(b[i] << 8 | b[i + 1]) : (ushort)(b[i] | b[i + 1] << 8);

    private static uint ReadUInt32(byte[] b, int i, bool swapped) =>
        swapped ? (uint)(b[i] << 24 | b[i + 1] << 16 | b[i + 2] << 8 | b[i + 3]) : (uint)(b[i] | b[i + 1] << 8 | b[i + 2] << 16 | b[i + 3] << 24);

    private static void WriteUInt16(byte[] b, int i, ushort v) { b[i] = (byte)v; b[i + 1] = (byte)(v >> 8); }

    private static void WriteUInt32(byte[] b, int i, uint v) { b[i] = (byte)v; b[i + 1] = (byte)(v >> 8); b[i + 2] = (byte)(v >> 16); b[i + 3] = (byte)(v >> 24); }
}

/// <param name="LinkType">A LINKTYPE_ value; see <see cref="PcapLinkType"/>.</param>
public sealed record PcapHeader(ushort VersionMajor, ushort VersionMinor, uint SnapLength, uint LinkType, bool NanosecondResolution);

/// <param name="Fraction">Microseconds or nanoseconds, per <see cref="PcapHeader.NanosecondResolution"/>.</param>
/// <param name="Data">The captured bytes, link-layer header included (may be cut short by the snap length).</param>
public sealed record PcapRecord(uint Seconds, uint Fraction, uint OriginalLength, byte[] Data);

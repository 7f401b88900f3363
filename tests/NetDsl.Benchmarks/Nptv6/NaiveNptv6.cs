using System;
using System.Net;

namespace NetDsl.Benchmarks.Nptv6;

/// <summary>
/// What a user would write with System.Net.IPAddress and no precomputation: per packet, parse the address, compare
/// the /64 prefix bytes, recompute the RFC 6296 adjustment from the two prefixes, replace the prefix, adjust the
/// first interface-identifier word that is not 0xFFFF, write the bytes back. Correct for /64 mappings only.
/// </summary>
public sealed class NaiveNptv6
{
    private readonly IPAddress _from;
    private readonly IPAddress _to;

    public NaiveNptv6(string fromPrefix, string toPrefix)
    {
        _from = IPAddress.Parse(fromPrefix.Split('/')[0]);
        _to = IPAddress.Parse(toPrefix.Split('/')[0]);
    }

    /// <summary>Rewrites the 16 bytes at <paramref name="offset"/> (8 = source, 24 = destination); true when translated.</summary>
    public bool Translate(Span<byte> packet, int offset)
    {
        var address = new IPAddress(packet.Slice(offset, 16));
        byte[] bytes = address.GetAddressBytes();
        byte[] from = _from.GetAddressBytes();
        byte[] to = _to.GetAddressBytes();
        for (int i = 0; i < 8; i++)
            if (bytes[i] != from[i]) return false;
        int adjustment = Add(Sum(from), 0xFFFF ^ Sum(to));
        for (int word = 4; word < 8; word++)
        {
            int value = (bytes[2 * word] << 8) | bytes[2 * word + 1];
            if (value == 0xFFFF) continue;
            value = Add(value, adjustment);
            if (value == 0xFFFF) value = 0;
            bytes[2 * word] = (byte)(value >> 8);
            bytes[2 * word + 1] = (byte)value;
            Array.Copy(to, bytes, 8);
            new IPAddress(bytes).TryWriteBytes(packet.Slice(offset, 16), out _);
            return true;
        }
        return false;
    }

    private static int Sum(byte[] address)
    {
        int sum = 0;
        for (int i = 0; i < 16; i += 2) sum = Add(sum, (address[i] << 8) | address[i + 1]);
        return sum;
    }

    private static int Add(int a, int b)
    {
        int sum = a + b;
        return (sum & 0xFFFF) + (sum >> 16);
    }
}

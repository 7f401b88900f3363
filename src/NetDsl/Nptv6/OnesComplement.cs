using NetDsl.Addressing;

namespace NetDsl.Nptv6;

/// <summary>
/// 16-bit one's-complement arithmetic, the arithmetic of the Internet checksum (RFC 1071) that RFC 6296 keeps
/// unchanged. Values are in host order; the sum does not depend on byte order, so it holds for network order too.
/// </summary>
public static class OnesComplement
{
    /// <summary>a +₁ b: add, then fold the carry back in (end-around carry).</summary>
    public static ushort Add(ushort a, ushort b)
    {
        uint sum = (uint)a + b;
        return (ushort)((sum & 0xFFFF) + (sum >> 16));
    }

    /// <summary>a −₁ b = a +₁ ~b.</summary>
    public static ushort Subtract(ushort a, ushort b) => Add(a, (ushort)~b);

    /// <summary>The one's-complement sum of the eight 16-bit words of an address (RFC 6296 §3.1 "checksum").</summary>
    public static ushort Sum(IpAddress address) => Sum(address.High, address.Low);

    public static ushort Sum(ulong high, ulong low)
    {
        // Fold 64 → 32 → 16 with end-around carries; the same residue as adding the words one by one.
        ulong s = Fold64(high);
        s += Fold64(low);
        s = (s & 0xFFFF) + (s >> 16);
        s = (s & 0xFFFF) + (s >> 16);
        return (ushort)s;
    }

    private static ulong Fold64(ulong value)
    {
        ulong s = (value & 0xFFFF) + ((value >> 16) & 0xFFFF) + ((value >> 32) & 0xFFFF) + (value >> 48);
        s = (s & 0xFFFF) + (s >> 16);
        return (s & 0xFFFF) + (s >> 16);
    }

    /// <summary>The value checksums compare equal to: 0x0000 and 0xFFFF are both zero in one's complement.</summary>
    public static bool AreEquivalent(ushort a, ushort b) => a == b || (a == 0 && b == 0xFFFF) || (a == 0xFFFF && b == 0);
}

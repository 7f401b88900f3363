using System;
using System.Globalization;
using System.Text;

namespace NetDsl.Addressing;

/// <summary>
/// An IPv4 or IPv6 address as a 128-bit value (IPv4 is kept in the low 32 bits, with <see cref="IsV4"/> set).
/// A value type with value equality; parsing never throws (<see cref="TryParse"/>) and formatting follows
/// RFC 5952 (lower case, longest zero run compressed), with variants for vendors that print otherwise.
/// </summary>
public readonly record struct IpAddress(ulong High, ulong Low, bool IsV4)
{
    public int Bits => IsV4 ? 32 : 128;

    public static IpAddress V6(ulong high, ulong low) => new(high, low, false);

    public static IpAddress V4(uint value) => new(0, value, true);

    public static IpAddress FromWords(ushort[] words)
    {
        if (words.Length != 8) throw new ArgumentException("IPv6 needs 8 words", nameof(words));
        ulong hi = 0, lo = 0;
        for (int i = 0; i < 4; i++) hi = (hi << 16) | words[i];
        for (int i = 4; i < 8; i++) lo = (lo << 16) | words[i];
        return V6(hi, lo);
    }

    /// <summary>The eight 16-bit words of an IPv6 address, most significant first.</summary>
    public ushort[] Words()
    {
        var words = new ushort[8];
        for (int i = 0; i < 4; i++) words[i] = (ushort)(High >> (48 - 16 * i));
        for (int i = 0; i < 4; i++) words[4 + i] = (ushort)(Low >> (48 - 16 * i));
        return words;
    }

    public ushort Word(int index) => index < 4 ? (ushort)(High >> (48 - 16 * index)) : (ushort)(Low >> (48 - 16 * (index - 4)));

    public byte[] GetBytes()
    {
        var bytes = new byte[IsV4 ? 4 : 16];
        if (IsV4)
        {
            for (int i = 0; i < 4; i++) bytes[i] = (byte)(Low >> (24 - 8 * i));
        }
        else
        {
            for (int i = 0; i < 8; i++) bytes[i] = (byte)(High >> (56 - 8 * i));
            for (int i = 0; i < 8; i++) bytes[8 + i] = (byte)(Low >> (56 - 8 * i));
        }
        return bytes;
    }

    public static IpAddress FromBytes(byte[] bytes)
    {
        if (bytes.Length == 4)
            return V4((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]));
        if (bytes.Length != 16) throw new ArgumentException("an address is 4 or 16 bytes", nameof(bytes));
        ulong hi = 0, lo = 0;
        for (int i = 0; i < 8; i++) hi = (hi << 8) | bytes[i];
        for (int i = 8; i < 16; i++) lo = (lo << 8) | bytes[i];
        return V6(hi, lo);
    }

    public bool IsLinkLocal => !IsV4 && (High >> 54) == 0x3FA; // fe80::/10

    public bool IsUniqueLocal => !IsV4 && (High >> 57) == 0x7E; // fc00::/7

    public bool IsMulticast => IsV4 ? (Low >> 28) == 0xE : (High >> 56) == 0xFF;

    public bool IsDocumentation => !IsV4 && (High >> 32) == 0x20010DB8; // 2001:db8::/32

    /// <summary>Adds an offset (wrapping inside the address family).</summary>
    public IpAddress Add(ulong offset)
    {
        if (IsV4) return V4((uint)(Low + offset));
        ulong lo = Low + offset;
        ulong hi = lo < Low ? High + 1 : High;
        return V6(hi, lo);
    }

    /// <summary>Keeps the first <paramref name="length"/> bits, zeroing the rest.</summary>
    public IpAddress Mask(int length)
    {
        if (IsV4)
        {
            uint mask = length <= 0 ? 0u : length >= 32 ? uint.MaxValue : uint.MaxValue << (32 - length);
            return V4((uint)Low & mask);
        }
        ulong hiMask = length <= 0 ? 0 : length >= 64 ? ulong.MaxValue : ulong.MaxValue << (64 - length);
        ulong loMask = length <= 64 ? 0 : length >= 128 ? ulong.MaxValue : ulong.MaxValue << (128 - length);
        return V6(High & hiMask, Low & loMask);
    }

    /// <summary>The bits after the first <paramref name="length"/> (the host part).</summary>
    public IpAddress HostPart(int length)
    {
        var net = Mask(length);
        return new IpAddress(High ^ net.High, Low ^ net.Low, IsV4);
    }

    public static bool TryParse(string? text, out IpAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text)) return false;
        return text!.IndexOf(':') >= 0 ? TryParseV6(text, out address) : TryParseV4(text, out address);
    }

    public static IpAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IP address");

    private static bool TryParseV4(string text, out IpAddress address)
    {
        address = default;
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        uint value = 0;
        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3) return false;
            foreach (char c in part) if (c < '0' || c > '9') return false;
            if (part.Length > 1 && part[0] == '0') return false; // no octal ambiguity
            int octet = int.Parse(part, CultureInfo.InvariantCulture);
            if (octet > 255) return false;
            value = (value << 8) | (uint)octet;
        }
        address = V4(value);
        return true;
    }

    private static bool TryParseV6(string text, out IpAddress address)
    {
        address = default;
        int doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && text.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0) return false;

        var words = new ushort[8];
        if (doubleColon < 0)
        {
            return TryParseGroups(text, words, 0, 8, exact: true, out _) && Build(words, out address);
        }
        string head = text.Substring(0, doubleColon);
        string tail = text.Substring(doubleColon + 2);
        var headWords = new ushort[8];
        var tailWords = new ushort[8];
        int headCount = 0, tailCount = 0;
        if (head.Length > 0 && !TryParseGroups(head, headWords, 0, 7, exact: false, out headCount)) return false;
        if (tail.Length > 0 && !TryParseGroups(tail, tailWords, 0, 7, exact: false, out tailCount)) return false;
        if (headCount + tailCount > 7) return false;
        Array.Copy(headWords, 0, words, 0, headCount);
        Array.Copy(tailWords, 0, words, 8 - tailCount, tailCount);
        return Build(words, out address);

        static bool Build(ushort[] w, out IpAddress a)
        {
            a = FromWords(w);
            return true;
        }
    }

    // Parses colon-separated groups; the last group may be a dotted IPv4 (two words).
    private static bool TryParseGroups(string text, ushort[] into, int offset, int max, bool exact, out int count)
    {
        count = 0;
        var groups = text.Split(':');
        for (int g = 0; g < groups.Length; g++)
        {
            string group = groups[g];
            if (g == groups.Length - 1 && group.IndexOf('.') >= 0)
            {
                if (!TryParseV4(group, out var v4) || count + 2 > max) return false;
                into[offset + count++] = (ushort)(v4.Low >> 16);
                into[offset + count++] = (ushort)v4.Low;
                continue;
            }
            if (!TryParseHexWord(group, out ushort word) || count + 1 > max) return false;
            into[offset + count++] = word;
        }
        return !exact || count == max;
    }

    /// <summary>One to four hex digits. Used by the grammar too, to tell hex words from names.</summary>
    public static bool TryParseHexWord(string group, out ushort word)
    {
        word = 0;
        if (group.Length == 0 || group.Length > 4) return false;
        int value = 0;
        foreach (char c in group)
        {
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        word = (ushort)value;
        return true;
    }

    /// <summary>RFC 5952 text: lower case, leading zeros dropped, the longest run (≥ 2) of zero words as "::".</summary>
    public override string ToString() => IsV4 ? FormatV4() : FormatV6(upperCase: false);

    /// <summary>RFC 5952 layout in upper case, as Cisco IOS prints addresses in show running-config.</summary>
    public string ToUpperString() => IsV4 ? FormatV4() : FormatV6(upperCase: true);

    /// <summary>All eight words, no compression ("fd5a:ceb9:ed8d:fe0a:0:0:0:0"), as PAN-OS prints NAT sources.</summary>
    public string ToUncompressedString()
    {
        if (IsV4) return FormatV4();
        var sb = new StringBuilder();
        var words = Words();
        for (int i = 0; i < 8; i++)
        {
            if (i > 0) sb.Append(':');
            sb.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private string FormatV4() =>
        string.Join(".", (Low >> 24) & 0xFF, (Low >> 16) & 0xFF, (Low >> 8) & 0xFF, Low & 0xFF);

    private string FormatV6(bool upperCase)
    {
        var words = Words();
        int bestStart = -1, bestLength = 0;
        for (int i = 0; i < 8;)
        {
            if (words[i] != 0) { i++; continue; }
            int start = i;
            while (i < 8 && words[i] == 0) i++;
            if (i - start > bestLength) { bestStart = start; bestLength = i - start; }
        }
        if (bestLength < 2) bestStart = -1;

        string format = upperCase ? "X" : "x";
        var sb = new StringBuilder();
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                sb.Append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.Length > 0 && sb[sb.Length - 1] != ':') sb.Append(':');
            sb.Append(words[i].ToString(format, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}

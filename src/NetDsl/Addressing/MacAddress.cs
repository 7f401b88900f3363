using System;
using System.Globalization;

namespace NetDsl.Addressing;

/// <summary>A 48-bit Ethernet MAC address.</summary>
public readonly record struct MacAddress(ulong Value)
{
    /// <summary>Docker 20.10's container MAC: 02:42 followed by the four bytes of the container's IPv4 address.</summary>
    public static MacAddress DockerFromIpv4(IpAddress ipv4) => new(0x0242_0000_0000UL | (ipv4.Low & 0xFFFF_FFFF));

    public byte[] GetBytes()
    {
        var bytes = new byte[6];
        for (int i = 0; i < 6; i++) bytes[i] = (byte)(Value >> (40 - 8 * i));
        return bytes;
    }

    /// <summary>The modified EUI-64 link-local address (RFC 4291 App. A): fe80:: + MAC with ff:fe inserted, U/L bit flipped.</summary>
    public IpAddress LinkLocal()
    {
        var b = GetBytes();
        ulong iid = ((ulong)(b[0] ^ 0x02) << 56) | ((ulong)b[1] << 48) | ((ulong)b[2] << 40) | (0xFFUL << 32)
                    | (0xFEUL << 24) | ((ulong)b[3] << 16) | ((ulong)b[4] << 8) | b[5];
        return IpAddress.V6(0xFE80_0000_0000_0000UL, iid);
    }

    public static bool TryParse(string? text, out MacAddress mac)
    {
        mac = default;
        if (text is null) return false;
        var parts = text.Split(':', '-');
        if (parts.Length != 6) return false;
        ulong value = 0;
        foreach (var part in parts)
        {
            if (part.Length != 2 || !byte.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte octet)) return false;
            value = (value << 8) | octet;
        }
        mac = new MacAddress(value);
        return true;
    }

    public override string ToString()
    {
        var b = GetBytes();
        return string.Join(":", Array.ConvertAll(b, x => x.ToString("x2", CultureInfo.InvariantCulture)));
    }
}

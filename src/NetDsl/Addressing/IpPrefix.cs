using System;
using System.Globalization;

namespace NetDsl.Addressing;

/// <summary>An address with a prefix length: a subnet ("fd5a:ceb9:ed8d:1::/64") or an interface address ("…::1/64").</summary>
public readonly record struct IpPrefix(IpAddress Address, int Length)
{
    public bool IsV4 => Address.IsV4;

    /// <summary>The network (host bits cleared).</summary>
    public IpPrefix Network => new(Address.Mask(Length), Length);

    public bool HasHostBits => Address.Mask(Length) != Address;

    public IpAddress FirstAddress => Address.Mask(Length);

    /// <summary>The last address of the prefix (every host bit set).</summary>
    public IpAddress LastAddress
    {
        get
        {
            var first = FirstAddress;
            if (IsV4) return IpAddress.V4((uint)first.Low | (Length >= 32 ? 0u : uint.MaxValue >> Length));
            ulong hostHigh = Length >= 64 ? 0 : (Length <= 0 ? ulong.MaxValue : ulong.MaxValue >> Length);
            ulong hostLow = Length >= 128 ? 0 : (Length <= 64 ? ulong.MaxValue : ulong.MaxValue >> (Length - 64));
            return IpAddress.V6(first.High | hostHigh, first.Low | hostLow);
        }
    }

    public bool Contains(IpAddress address) =>
        address.IsV4 == Address.IsV4 && address.Mask(Length) == Address.Mask(Length);

    public bool Contains(IpPrefix other) => other.Length >= Length && Contains(other.Address);

    public bool Overlaps(IpPrefix other) => Contains(other.Address) || other.Contains(Address);

    /// <summary>The nth address of the subnet (0 = the network address itself).</summary>
    public IpAddress Nth(ulong n) => FirstAddress.Add(n);

    public static bool TryParse(string? text, out IpPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrEmpty(text)) return false;
        int slash = text!.IndexOf('/');
        if (slash < 0) return false;
        if (!IpAddress.TryParse(text.Substring(0, slash), out var address)) return false;
        string lengthText = text.Substring(slash + 1);
        if (lengthText.Length == 0 || lengthText.Length > 3) return false;
        foreach (char c in lengthText) if (c < '0' || c > '9') return false;
        int length = int.Parse(lengthText, CultureInfo.InvariantCulture);
        if (length > address.Bits) return false;
        prefix = new IpPrefix(address, length);
        return true;
    }

    public static IpPrefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new FormatException($"'{text}' is not a prefix");

    public override string ToString() => Address + "/" + Length.ToString(CultureInfo.InvariantCulture);

    public string ToUpperString() => Address.ToUpperString() + "/" + Length.ToString(CultureInfo.InvariantCulture);
}

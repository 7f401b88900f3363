using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NetDsl.Lab;

/// <summary>One row of the interface-name map a lab prints: a vendor name and the Linux name that stands for it.</summary>
public sealed record LabInterfaceName(string Device, string Vendor, string Linux)
{
    public override string ToString() => $"{Device} {Vendor} -> {Linux}";
}

/// <summary>
/// Maps vendor interface names (<c>ethernet1/1.999</c>, <c>Vlan252</c>) to legal Linux names: at most 15 bytes, no
/// '/', ':' or whitespace, not "." or "..". A legal name is kept as it is (so <c>ens192</c> stays <c>ens192</c>, which
/// apply's sysctls and nftables rules name); '/' and ':' become '-'; a name still too long keeps its first 10
/// characters plus 4 hex digits of a hash of the whole name, so the map is stable from run to run.
/// </summary>
public static class InterfaceNames
{
    public const int MaxLength = 15;

    public static bool IsLegal(string name) =>
        name.Length is > 0 and <= MaxLength && name is not "." and not ".." && name.All(c => c > ' ' && c < 0x7f && c is not '/' and not ':');

    /// <summary>The Linux name for <paramref name="vendor"/> that is not yet in <paramref name="taken"/> (the device's names so far); adds it.</summary>
    public static string Map(string vendor, ISet<string> taken)
    {
        string name = IsLegal(vendor) ? vendor : new string(vendor.Select(c => c is '/' or ':' || c <= ' ' || c >= 0x7f ? '-' : c).ToArray());
        if (name.Length > MaxLength || name is "." or "..") name = name[..Math.Min(10, name.Length)] + "-" + Hash(vendor);
        string stem = name;
        for (int n = 2; taken.Contains(name) || name == "lo"; n++)
            name = stem[..Math.Min(stem.Length, MaxLength - 3)] + "-" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        taken.Add(name);
        return name;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..4];
}

using System;
using System.Globalization;

namespace NetDsl.Engines;

/// <summary>
/// An engine release as major.minor (the patch level never changes a modelled behaviour). Written as the engine
/// writes it: 20.10, 28.3, 4.3 — the minor is a number, not two digits.
/// </summary>
public readonly record struct EngineVersion(int Major, int Minor) : IComparable<EngineVersion>
{
    public int CompareTo(EngineVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(EngineVersion a, EngineVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(EngineVersion a, EngineVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(EngineVersion a, EngineVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(EngineVersion a, EngineVersion b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// Reads "28.3", "28.3.1", "20.10.24+dfsg1" or "4.3.1" as major.minor; anything after the minor (patch, build,
    /// distribution suffix) is ignored. False for text without a numeric major and minor.
    /// </summary>
    public static bool TryParse(string? text, out EngineVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text)) return false;
        var parts = text!.Split('.');
        if (parts.Length < 2) return false;
        int end = 0;
        while (end < parts[1].Length && char.IsDigit(parts[1][end])) end++;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || end == 0 || !int.TryParse(parts[1].Substring(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
            || major > 9999 || minor > 9999)
            return false;
        // "28.3x" is not a version; "20.10.24+dfsg1" and "28.3-rc1" are (the suffix belongs to the patch level).
        if (end < parts[1].Length && parts[1][end] != '-' && parts[1][end] != '+') return false;
        version = new EngineVersion(major, minor);
        return true;
    }

    public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
}

namespace NetDsl.Engines;

/// <summary>Versions <see cref="From"/> (inclusive) up to <see cref="Until"/> (exclusive; null: every later one).</summary>
public readonly record struct VersionRange(EngineVersion From, EngineVersion? Until)
{
    public bool Contains(EngineVersion v) => v >= From && (Until is not { } u || v < u);

    public static VersionRange Between(int fromMajor, int fromMinor, int untilMajor, int untilMinor) =>
        new(new EngineVersion(fromMajor, fromMinor), new EngineVersion(untilMajor, untilMinor));

    public static VersionRange Since(int major, int minor) => new(new EngineVersion(major, minor), null);

    /// <summary>"20.10–26.x", "27.0–27.x", "28.0 and later", "4.3–4.x".</summary>
    public override string ToString()
    {
        if (Until is not { } u) return From + " and later";
        var last = u.Minor == 0 ? (u.Major - 1) + ".x" : u.Major + "." + (u.Minor - 1);
        return From.ToString() == last ? last : From + "–" + last;
    }

    /// <summary>The overlap of two ranges (null when they do not meet).</summary>
    public VersionRange? Intersect(VersionRange other)
    {
        var from = From >= other.From ? From : other.From;
        EngineVersion? until = Until is null ? other.Until : other.Until is null ? Until : (Until.Value <= other.Until.Value ? Until : other.Until);
        if (until is { } end && end <= from) return null;
        return new VersionRange(from, until);
    }
}

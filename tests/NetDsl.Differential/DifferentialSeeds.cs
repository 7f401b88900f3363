using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetDsl.Differential;

/// <summary>
/// Which seeds run: the fixed CI set (about 10 minutes on 2 cores), or any range NETDSL_DIFF_SEEDS=FROM-TO
/// (inclusive; "17" is one seed).
/// </summary>
public static class DifferentialSeeds
{
    public const int CiFirst = 1, CiLast = 48;

    public static IReadOnlyList<int> Ci => Enumerable.Range(CiFirst, CiLast - CiFirst + 1).ToList();

    public static IReadOnlyList<int> Selected => Parse(Environment.GetEnvironmentVariable("NETDSL_DIFF_SEEDS")) ?? Ci;

    public static IReadOnlyList<int>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('-', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)) return null;
        int to = from;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out to)) return null;
        return to < from ? null : Enumerable.Range(from, to - from + 1).ToList();
    }
}

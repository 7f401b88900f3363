using System;
using System.Collections.Generic;

namespace NetDsl.Naming;

/// <summary>
/// "Did you mean …?": the known word closest to a misspelt one, by edit distance (insertions, deletions,
/// substitutions and swaps of neighbours, each costing 1). Close means at most one edit for words up to four
/// characters, two up to eight, three beyond, so `subnett`, `bridge_name` and `ipv6addr` find their setting and
/// an unrelated word finds nothing. Case differences count as edits, but a case-only difference always matches.
/// </summary>
public static class Suggestions
{
    /// <summary>The closest candidate, or null when none is close enough (ties: the first in the given order).</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length == 0 || word.Length > 64) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == word || candidate.Length == 0) continue;
            int distance = string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(word, candidate, MaxEdits(word));
            if (distance <= MaxEdits(word) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>" Did you mean 'x'?" or nothing, for the end of a message.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? " Did you mean '" + match + "'?" : "";

    private static int MaxEdits(string word) => word.Length <= 4 ? 1 : word.Length <= 8 ? 2 : 3;

    /// <summary>Optimal string alignment distance, or more than <paramref name="limit"/> as soon as it cannot be within it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}

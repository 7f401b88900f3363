using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace NetDsl.Differential;

/// <summary>
/// Shrinks a failing file: deletes pieces (expects first, then whole statements, then single settings) for as long as
/// the failure remains, each candidate checked first by a cheap filter (it must still compile to a whole model) and
/// then by the expensive oracle (a lab run). Greedy, one pass per level until nothing more goes, within a budget of
/// oracle calls.
/// </summary>
public static class Shrinker
{
    /// <param name="keep">Cheap: whether a candidate is worth trying (compiles, still has the failing expect).</param>
    /// <param name="stillFails">Expensive: whether the failure remains.</param>
    public static async Task<(IReadOnlyList<Block> Blocks, int OracleCalls)> ShrinkAsync(IReadOnlyList<Block> blocks,
        Func<IReadOnlyList<Block>, bool> keep, Func<IReadOnlyList<Block>, Task<bool>> stillFails, int budget = 40)
    {
        int calls = 0;
        var current = blocks;
        var kept = new HashSet<string>();   // pieces that could not go: not tried again

        bool progress = true;
        while (progress && calls < budget)
        {
            progress = false;
            // Outermost pieces first: a statement goes before its settings are tried one by one.
            foreach (var path in Block.Paths(current).OrderBy(p => p.Length).ThenByDescending(p => Block.At(current, p).Header.StartsWith("expect", StringComparison.Ordinal)).ToList())
            {
                if (calls >= budget) break;
                if (!StillThere(current, path)) continue;
                string identity = Identity(current, path);
                if (kept.Contains(identity)) continue;
                var candidate = Block.Without(current, path);
                if (!keep(candidate)) continue;
                calls++;
                if (!await stillFails(candidate))
                {
                    kept.Add(identity);
                    continue;
                }
                current = candidate;
                progress = true;
                break;   // paths moved: start over on the smaller file
            }
        }
        return (current, calls);
    }

    /// <summary>A piece by the headers leading to it ("firewall fw1 panos / allow …"): stable while other pieces go.</summary>
    private static string Identity(IReadOnlyList<Block> blocks, int[] path) =>
        string.Join(" / ", Enumerable.Range(1, path.Length).Select(n => Block.At(blocks, path.Take(n).ToArray()).Header));

    private static bool StillThere(IReadOnlyList<Block> blocks, int[] path)
    {
        var siblings = blocks;
        foreach (int i in path)
        {
            if (siblings is null || i >= siblings.Count) return false;
            var b = siblings[i];
            siblings = b.Children!;
        }
        return true;
    }
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Syntax;

namespace NetDsl.LanguageServer.Features;

/// <summary>The shapes table (<see cref="Shapes"/>) as the editor reads it: every keyword, and how a setting is written.</summary>
public static class ShapeCatalog
{
    /// <summary>Every block of the language, the statements' and the settings', each once.</summary>
    public static IReadOnlyList<Block> Blocks { get; } = AllBlocks().ToList();

    /// <summary>Every keyword: statements, settings and options.</summary>
    public static IReadOnlyList<string> Keywords { get; } =
        Shapes.TopLevel.Concat(Blocks.SelectMany(b => b.Settings)).SelectMany(s => new[] { s.Keyword }.Concat(s.Options.Select(o => o.Keyword)))
            .Where(k => k != "mapping").Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToList();

    public static SettingShape? Find(string keyword) =>
        Shapes.TopLevel.FirstOrDefault(s => s.Keyword == keyword) ?? Blocks.SelectMany(b => b.Settings).FirstOrDefault(s => s.Keyword == keyword);

    /// <summary>"subnet VALUE — an IPv6 or IPv4 prefix", options listed after.</summary>
    public static string Usage(SettingShape shape)
    {
        var slots = string.Join(" ", shape.Slots.Select(s => s.Literal ?? (s.Optional ? "[" + s.Description + "]" : "‹" + s.Description + "›")));
        var options = string.Join(" ", shape.Options.Select(o => "[" + o.Keyword + " ‹" + o.Description + "›]" + (o.Repeatable ? "…" : "")));
        string body = shape.Body is { } b ? " { " + string.Join(", ", b.Settings.Select(s => s.Keyword)) + (b.EntryShape is not null ? "INSIDE -> OUTSIDE" : "") + " }" : "";
        return (slots + " " + options).Trim() + body;
    }

    private static IEnumerable<Block> AllBlocks()
    {
        var seen = new HashSet<Block>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<Block>(Shapes.TopLevel.Where(s => s.Body is not null).Select(s => s.Body!));
        while (queue.Count > 0)
        {
            var block = queue.Dequeue();
            if (!seen.Add(block)) continue;
            yield return block;
            foreach (var s in block.Settings) if (s.Body is not null) queue.Enqueue(s.Body);
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetDsl.Differential;

/// <summary>
/// A piece of a generated file: a line, or a braced block of pieces. The shrinker deletes pieces (whole statements,
/// single settings, NPTv6 blocks, expects) and re-renders; nothing is ever cut mid-line.
/// </summary>
public sealed record Block(string Header, IReadOnlyList<Block>? Children = null)
{
    public bool Braced => Children is not null;

    public static Block Line(string text) => new(text);

    public static Block Braces(string header, IEnumerable<Block> children) => new(header, children.ToList());

    public static string Render(IEnumerable<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var b in blocks) b.Write(text, 0);
        return text.ToString();
    }

    private void Write(StringBuilder text, int depth)
    {
        string indent = new(' ', depth * 2);
        if (!Braced)
        {
            text.Append(indent).Append(Header).Append('\n');
            return;
        }
        text.Append(indent).Append(Header).Append(" {\n");
        foreach (var c in Children!) c.Write(text, depth + 1);
        text.Append(indent).Append("}\n");
    }

    /// <summary>Every piece as a path of child indexes, outermost first (a statement before its settings).</summary>
    public static IEnumerable<int[]> Paths(IReadOnlyList<Block> blocks)
    {
        var queue = new Queue<(int[] Path, IReadOnlyList<Block> Siblings)>();
        for (int i = 0; i < blocks.Count; i++) queue.Enqueue((new[] { i }, blocks));
        while (queue.Count > 0)
        {
            var (path, siblings) = queue.Dequeue();
            yield return path;
            var block = siblings[path[path.Length - 1]];
            if (block.Children is { } children)
                for (int i = 0; i < children.Count; i++) queue.Enqueue((path.Append(i).ToArray(), children));
        }
    }

    /// <summary>The blocks without the piece at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Block> Without(IReadOnlyList<Block> blocks, int[] path)
    {
        if (path.Length == 1) return blocks.Where((_, i) => i != path[0]).ToList();
        return blocks.Select((b, i) => i != path[0] ? b : b with { Children = Without(b.Children!, path.Skip(1).ToArray()) }).ToList();
    }

    public static Block At(IReadOnlyList<Block> blocks, int[] path)
    {
        var block = blocks[path[0]];
        for (int i = 1; i < path.Length; i++) block = block.Children![path[i]];
        return block;
    }
}

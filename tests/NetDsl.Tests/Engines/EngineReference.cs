using System.Linq;
using System.Text;
using NetDsl.Engines;

namespace NetDsl.Tests.Engines;

/// <summary>Renders the per-engine sections of docs/docker.md from the engine table.</summary>
public static class EngineReference
{
    public const string Begin = "<!-- engine-table: generated from src/NetDsl/Engines/EngineTable.cs; NETDSL_UPDATE_GOLDEN=1 dotnet test tests/NetDsl.Tests rewrites it -->";
    public const string End = "<!-- engine-table: end -->";

    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append(Begin).Append('\n');
        foreach (var (kind, versions) in EngineTable.Bands)
        {
            var first = new EngineRelease(kind, versions.From);
            sb.Append("\n### ").Append(kind).Append(' ').Append(versions).Append("\n\n");
            sb.Append("| behaviour | on this engine | source |\n|---|---|---|\n");
            foreach (var fact in EngineTable.Facts.Where(f => f != EngineTable.Modelled))
            {
                var row = fact.Rows.FirstOrDefault(r => r.Kind == kind && r.Versions.Contains(first.Version));
                sb.Append("| ").Append(fact.Name).Append(" | ").Append(row?.Value ?? "not modelled (observed)").Append(" | ")
                  .Append(row?.Source.Replace("|", "\\|") ?? "—").Append(" |\n");
            }
            var keys = EngineTable.DaemonKeys.Where(k => k.KnownOn(first)).ToList();
            if (keys.Count == 0)
            {
                sb.Append("\nNo daemon.json: a `daemon { }` block is an error (NDSL3202), and there is no engine restart.\n");
                continue;
            }
            var unknown = EngineTable.DaemonKeys.Where(k => !k.KnownOn(first)).Select(k => "`" + k.Name + "`").ToList();
            sb.Append("\ndaemon.json on ").Append(first.Title).Append(": ").Append(keys.Count).Append(" known keys, ")
              .Append(keys.Count(k => k.NeedsRestart)).Append(" of them restart-only (the others a reload applies)");
            if (unknown.Count > 0) sb.Append("; not known, so dockerd refuses to start on them: ").Append(string.Join(", ", unknown));
            sb.Append(".\n");
            // Keys that come or go inside the band (23.0–26.x have no behaviour rows of their own, only keys).
            var inside = EngineTable.DaemonKeys
                .SelectMany(k => new[] { (At: k.Versions.From, Text: "`" + k.Name + "` from " + k.Versions.From), (At: k.Versions.Until ?? versions.From, Text: "`" + k.Name + "` gone in " + k.Versions.Until) })
                .Where(c => c.At > versions.From && versions.Contains(c.At)).OrderBy(c => c.At).Select(c => c.Text).ToList();
            if (inside.Count > 0) sb.Append("Within ").Append(versions).Append(": ").Append(string.Join(", ", inside)).Append(".\n");
        }
        sb.Append('\n').Append(End).Append('\n');
        return sb.ToString();
    }
}

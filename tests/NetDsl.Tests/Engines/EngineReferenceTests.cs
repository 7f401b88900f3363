using System.IO;
using System.Linq;
using NetDsl.Engines;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Tests.Engines;

/// <summary>docs/docker.md's per-engine sections are the table, and no fact changes inside a documented band.</summary>
public class EngineReferenceTests
{
    [Test]
    public void No_fact_changes_inside_a_documented_band()
    {
        foreach (var (kind, versions) in EngineTable.Bands)
        {
            var first = new EngineRelease(kind, versions.From);
            var last = new EngineRelease(kind, new EngineVersion(versions.Until!.Value.Major - (versions.Until.Value.Minor == 0 ? 1 : 0), 99));
            foreach (var fact in EngineTable.Facts)
                Assert.That(EngineTable.ValueText(fact, last), Is.EqualTo(EngineTable.ValueText(fact, first)), $"{fact.Name} changes inside {kind} {versions}");
        }
    }

    [Test]
    public void Docker_md_engine_sections_are_up_to_date()
    {
        string path = Path.Combine(RepoPaths.Root, "docs/docker.md");
        string text = File.ReadAllText(path).Replace("\r\n", "\n");
        int begin = text.IndexOf(EngineReference.Begin, System.StringComparison.Ordinal);
        int end = text.IndexOf(EngineReference.End, System.StringComparison.Ordinal);
        Assert.That(begin >= 0 && end > begin, Is.True, "docs/docker.md has the engine-table markers");
        string current = text.Substring(begin, end + EngineReference.End.Length + 1 - begin);
        string rendered = EngineReference.Render();
        if (Golden.Updating && current != rendered)
        {
            File.WriteAllText(path, text.Substring(0, begin) + rendered + text.Substring(begin + current.Length));
            Assert.Fail("docs/docker.md engine sections rewritten (NETDSL_UPDATE_GOLDEN=1); run again without it.");
        }
        Assert.That(current, Is.EqualTo(rendered), "docs/docker.md engine sections differ from the table (NETDSL_UPDATE_GOLDEN=1 rewrites them)");
    }
}

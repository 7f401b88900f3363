using System.Linq;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

public class DeterminismTests
{
    [Test]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var first = SquidExample.Render();
        var second = SquidExample.Render();
        Assert.That(first.Artifacts.Count, Is.EqualTo(8));
        Assert.That(second.Artifacts.Select(ArtifactPaths.Bytes), Is.EqualTo(first.Artifacts.Select(ArtifactPaths.Bytes)));
        Assert.That(second, Is.EqualTo(first), "records with value equality: same paths, same content");
    }

    [Test]
    public void Every_artifact_has_unix_line_ends_and_one_final_newline()
    {
        foreach (Artifact a in SquidExample.Render().Artifacts)
        {
            Assert.That(a.Content, Does.Not.Contain("\r"), a.RelativePath);
            Assert.That(a.Content, Does.EndWith("\n").And.Not.EndWith("\n\n"), a.RelativePath);
        }
    }
}

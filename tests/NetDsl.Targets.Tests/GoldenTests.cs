using System.Linq;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>Each target's output for the example, byte for byte (NETDSL_UPDATE_GOLDEN=1 rewrites the files; review the diff).</summary>
public class GoldenTests
{
    [TestCase("dockerhost/daemon.json")]
    [TestCase("dockerhost/netdsl.nft")]
    [TestCase("Rdc01/Rdc01.ios")]
    [TestCase("FWdc01/FWdc01.panos")]
    [TestCase("dockerhost/docker.sh")]
    [TestCase("dockerhost/engine-api.01-network-create.br_ipv6_nw.json")]
    [TestCase("dockerhost/engine-api.02-container-create.cnt01.json")]
    public void Example_artifact_matches_its_golden_file(string relativePath) =>
        Golden.AssertMatches("tests/NetDsl.Targets.Tests/Golden/" + relativePath, SquidExample.Artifact(relativePath).Content);

    [Test]
    public void Example_renders_exactly_the_expected_files()
    {
        var rendered = SquidExample.Render();
        Assert.That(rendered.Artifacts.Select(a => a.RelativePath), Is.EqualTo(new[]
        {
            "FWdc01/FWdc01.panos", "Rdc01/Rdc01.ios", "dockerhost/daemon.json", "dockerhost/docker.sh",
            "dockerhost/engine-api.01-network-create.br_ipv6_nw.json", "dockerhost/engine-api.02-container-create.cnt01.json",
            "dockerhost/netdsl.nft", "topology.md",
        }));
    }
}

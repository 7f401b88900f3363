using System.IO;
using System.Linq;
using NetDsl.Model;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests;

/// <summary>The seed scenario (examples/squid-ipv6/lab.netdsl), compiled and rendered the way `netdsl emit` does.</summary>
internal static class SquidExample
{
    public const string ArtifactsFolder = "examples/squid-ipv6/artifacts";

    public static NetworkModel Model()
    {
        var result = NetDslCompiler.Compile(File.ReadAllText(RepoPaths.SquidExample), RepoPaths.SquidExample);
        Assert.That(result.Errors, Is.Empty, "the example must compile");
        return result.Model!;
    }

    public static RenderResult Render() => TargetSet.Render(Model(), TargetRegistry.All());

    public static Artifact Artifact(string relativePath)
    {
        var rendered = Render();
        Assert.That(rendered.Errors, Is.Empty);
        var artifact = rendered.Artifacts.SingleOrDefault(a => a.RelativePath == relativePath);
        Assert.That(artifact, Is.Not.Null, relativePath + " is not rendered; got " + string.Join(", ", rendered.Artifacts.Select(a => a.RelativePath)));
        return artifact!;
    }
}

using System.IO;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Diagrams.Tests.Renderers;

/// <summary>
/// The real renderers these tests run: Graphviz's <c>dot</c>, and Mermaid's CLI (node, the pinned packages in
/// <c>mermaid/node_modules</c>, Debian's chromium). Missing under plain <c>dotnet test</c>: the test is skipped with
/// the reason and the fix. With NETDSL_REQUIRE_LAB=1 (.ci/run, which installs them) missing is a failure.
/// </summary>
public static class RendererRequirement
{
    public static string MermaidFolder => Path.Combine(RepoPaths.Root, "tests", "NetDsl.Diagrams.Tests", "mermaid");

    public static string Chromium => System.Environment.GetEnvironmentVariable("NETDSL_CHROMIUM") ?? "/usr/bin/chromium";

    public static string RequireDot() => LabRequirement.FindOnPath("dot") ?? Unavailable("needs Graphviz's `dot` (apt-get install graphviz)");

    public static void RequireMermaid()
    {
        if (LabRequirement.FindOnPath("node") is null) Unavailable("needs node (apt-get install nodejs)");
        if (!File.Exists(Chromium)) Unavailable("needs Debian's chromium at " + Chromium + " (apt-get install chromium)");
        if (!Directory.Exists(Path.Combine(MermaidFolder, "node_modules", "@mermaid-js", "mermaid-cli")))
            Unavailable("needs Mermaid's CLI: cd tests/NetDsl.Diagrams.Tests/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci (as .ci/run does)");
    }

    private static string Unavailable(string reason)
    {
        if (LabRequirement.Required) Assert.Fail("Renderer missing while NETDSL_REQUIRE_LAB=1: " + reason);
        Assert.Ignore("Renderer test skipped: " + reason);
        return "";
    }
}

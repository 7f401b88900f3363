using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace NetDsl.TestSupport;

/// <summary>The seed example declared for another engine, as the engine tests run it.</summary>
public static class EngineVariants
{
    /// <summary>
    /// The seed as a Podman 4.3 host: <c>engine podman 4.3</c>, no daemon block (Podman has no daemon.json: NDSL3202),
    /// and no expects on the bridge's fe80::1 (Podman's bridge has only the kernel's random link-local).
    /// </summary>
    public static string SquidOnPodman()
    {
        var text = File.ReadAllText(RepoPaths.SquidExample).Replace("  engine 20.10", "  engine podman 4.3");
        text = Regex.Replace(text, @"  daemon \{\n.*?\n  \}\n", "", RegexOptions.Singleline);
        return string.Join("\n", text.Split('\n').Where(l => !l.Contains("-> fe80::1%", StringComparison.Ordinal)));
    }
}

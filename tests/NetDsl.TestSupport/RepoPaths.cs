using System;
using System.IO;

namespace NetDsl.TestSupport;

/// <summary>Locates the repository from a test's output folder (the folder holding NetDsl.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string Examples => Path.Combine(Root, "examples");

    public static string SquidExample => Path.Combine(Root, "examples", "squid-ipv6", "lab.netdsl");

    public static string Docs => Path.Combine(Root, "docs");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetDsl.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NetDsl.sln not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.IO;
using NUnit.Framework;

namespace NetDsl.TestSupport;

/// <summary>
/// Golden (baseline) files. A test compares its output with a committed file; with NETDSL_UPDATE_GOLDEN=1 it
/// rewrites the file instead (and still fails, so an update is never mistaken for a pass).
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("NETDSL_UPDATE_GOLDEN") == "1";

    /// <param name="relativePath">Path from the repository root, e.g. "tests/NetDsl.Targets.Tests/Golden/x.ios".</param>
    public static void AssertMatches(string relativePath, string actual)
    {
        string path = Path.Combine(RepoPaths.Root, relativePath);
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Fail($"Golden file {relativePath} rewritten (NETDSL_UPDATE_GOLDEN=1); run again without it.");
        }
        Assert.That(File.Exists(path), Is.True,
            $"Golden file {relativePath} is missing. Create it with NETDSL_UPDATE_GOLDEN=1 dotnet test, then review the diff.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.That(actual, Is.EqualTo(expected), $"Output differs from {relativePath} (NETDSL_UPDATE_GOLDEN=1 rewrites it).");
    }
}

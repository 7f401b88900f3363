using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Captures.Verification;
using NetDsl.Model;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Captures.Tests.Verification;

/// <summary>A temporary copy of the seed's captures to change, delete or add files in; deleted on dispose.</summary>
internal sealed class CaptureCopy : IDisposable
{
    public CaptureCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "netdsl-captures-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var name in SeedCaptures.All) File.Copy(Path.Combine(SeedCaptures.Directory, name), Path.Combine(Directory, name));
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Replaces text in a capture, asserting it was there (so a test cannot silently change nothing).</summary>
    public void Replace(string name, string from, string to)
    {
        string text = File.ReadAllText(PathOf(name));
        Assert.That(text, Does.Contain(from), name);
        File.WriteAllText(PathOf(name), text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Delete(string name) => File.Delete(PathOf(name));

    public void Write(string name, string text) => File.WriteAllText(PathOf(name), text);

    public CaptureVerifyReport Verify(NetworkModel? model = null) => CaptureVerifier.Verify(model ?? Seed.Model(), CaptureSet.Load(Directory));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The seed example compiled as checked in (centos image and /bin/bash: no engine runs here).</summary>
internal static class Seed
{
    public static NetworkModel Model(IReadOnlyDictionary<string, string>? overrides = null) =>
        Compile(File.ReadAllText(RepoPaths.SquidExample), overrides);

    public static NetworkModel Compile(string text, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var result = NetDslCompiler.Compile(text, RepoPaths.SquidExample, overrides);
        Assert.That(result.Model, Is.Not.Null, string.Join("\n", result.Errors));
        return result.Model!;
    }

    public static CaptureVerifyReport Verify(NetworkModel? model = null) =>
        CaptureVerifier.Verify(model ?? Model(), CaptureSet.Load(SeedCaptures.Directory));

    public static Dictionary<string, CaptureFactResult> ByKey(this CaptureVerifyReport report) =>
        report.Results.ToDictionary(r => r.Fact.Key);

    public static List<string> Keys(this CaptureVerifyReport report, CaptureOutcome outcome) =>
        report.Results.Where(r => r.Outcome == outcome).Select(r => r.Fact.Key).ToList();
}

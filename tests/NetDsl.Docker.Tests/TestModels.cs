using System.Collections.Generic;
using System.IO;
using NetDsl.Model;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

/// <summary>The seed example compiled as the lab tests run it: busybox image, /bin/sh (busybox has no bash).</summary>
internal static class TestModels
{
    public const string Image = "netdsl-busybox";

    public static Dictionary<string, string> LabOverrides(string image = Image) => new()
    {
        ["CNT01_IMAGE"] = image,
        ["CNT01_COMMAND"] = "/bin/sh",
    };

    public static NetworkModel Squid(Dictionary<string, string>? overrides = null) => Compile(File.ReadAllText(RepoPaths.SquidExample), RepoPaths.SquidExample, overrides ?? LabOverrides());

    public static NetworkModel Compile(string text, string path = "/lab/test.netdsl", Dictionary<string, string>? overrides = null)
    {
        var result = NetDslCompiler.Compile(text, path, overrides);
        Assert.That(result.Model, Is.Not.Null, string.Join("\n", result.Errors));
        return result.Model!;
    }
}

using System;
using System.IO;
using NUnit.Framework;

namespace NetDsl.TestSupport;

/// <summary>
/// Lab tests need root, network namespaces and (some) dockerd. Under plain `dotnet test` on a machine without
/// them they are ignored with the reason shown; with NETDSL_REQUIRE_LAB=1 (set by .ci/run) a missing
/// prerequisite is a failure, so CI can never count a skipped lab test as passed.
/// </summary>
public static class LabRequirement
{
    public static bool Required => Environment.GetEnvironmentVariable("NETDSL_REQUIRE_LAB") == "1";

    public static void RequireRootAndNamespaces(params string[] tools)
    {
        if (!IsRoot()) Unavailable("needs root (network namespaces)");
        if (!File.Exists("/usr/bin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/sbin/ip") && !File.Exists("/bin/ip"))
            Unavailable("needs iproute2 (`ip`)");
        foreach (var tool in tools)
        {
            if (FindOnPath(tool) is null) Unavailable($"needs `{tool}` on PATH");
        }
    }

    public static void RequireDockerd()
    {
        RequireRootAndNamespaces("dockerd", "nsenter");
        if (!File.Exists("/usr/bin/docker")) Unavailable("needs Debian's docker.io client at /usr/bin/docker");
        if (!File.Exists("/bin/busybox") && !File.Exists("/usr/bin/busybox")) Unavailable("needs busybox-static for the test image");
    }

    /// <summary>Debian 12's podman 4.3 with netavark and aardvark-dns (notes/podman.md), and the docker client and busybox the lab uses with it.</summary>
    public static void RequirePodman()
    {
        RequireRootAndNamespaces("podman", "nsenter");
        if (!File.Exists("/usr/lib/podman/netavark")) Unavailable("needs netavark (/usr/lib/podman/netavark)");
        if (!File.Exists("/usr/lib/podman/aardvark-dns")) Unavailable("needs aardvark-dns (/usr/lib/podman/aardvark-dns)");
        if (!File.Exists("/usr/bin/docker")) Unavailable("needs Debian's docker.io client at /usr/bin/docker");
        if (!File.Exists("/bin/busybox") && !File.Exists("/usr/bin/busybox")) Unavailable("needs busybox-static for the test image");
    }

    public static string? FindOnPath(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in (path + ":/usr/sbin:/sbin:/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static bool IsRoot() => Environment.UserName == "root" || Environment.GetEnvironmentVariable("EUID") == "0";

    private static void Unavailable(string reason)
    {
        if (Required) Assert.Fail("Lab prerequisite missing while NETDSL_REQUIRE_LAB=1: " + reason);
        Assert.Ignore("Lab test skipped: " + reason + " (set up as .ci/run does, or run as root)");
    }
}

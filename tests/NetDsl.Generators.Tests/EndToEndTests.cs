using System;
using System.IO;
using System.Linq;
using NetDsl.Generators.Tests.Support;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Generators.Tests;

/// <summary>
/// `dotnet build` of real projects: a broken .netdsl fails the build with exact `file(line,col): error NDSL…`
/// lines, and the packed NuGet package works for a project consuming it like a user's would.
/// Slow (a build each), so there are only these two.
/// </summary>
[Category("EndToEnd")]
public class EndToEndTests
{
    private const string BrokenText = """
        let UNUSED = 2001:db8::/48
        docker-host h {
          interface eth0 address fd00::1/64
          daemon {
            ipv6 true
            fixed-cidr-v6 2001:db8:1::/96
          }
        }
        network n on nowhere {
          subnet fd00:1::/64
        }
        """;

    [Test]
    public void A_broken_netdsl_fails_dotnet_build_with_its_exact_lines()
    {
        string dir = DotnetCli.NewTempDirectory("broken");
        try
        {
            string root = RepoPaths.Root;
            File.WriteAllText(Path.Combine(dir, "Broken.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <Import Project="{root}/generators/NetDsl.Generators/build/NetDsl.Generators.props" />
                  <ItemGroup>
                    <ProjectReference Include="{root}/src/NetDsl/NetDsl.csproj" />
                    <ProjectReference Include="{root}/generators/NetDsl.Generators/NetDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "lab.netdsl"), BrokenText);
            // Per file: an .editorconfig section silences the unused-parameter warning; globally, a .globalconfig
            // raises the fixed-cidr-v6 warning to an error.
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n[*.netdsl]\nnetdsl_diagnostic.NDSL1008.severity = none\n");
            File.WriteAllText(Path.Combine(dir, ".globalconfig"), "is_global = true\ndotnet_diagnostic.NDSL3009.severity = error\n");

            var build = DotnetCli.Run(dir, "build", "-nologo", "-c", DotnetCli.Configuration, "-p:BuildProjectReferences=false");

            string path = Path.Combine(dir, "lab.netdsl");
            var core = NetDslCompiler.Compile(BrokenText, path);
            var expected = core.Diagnostics.Where(d => d.Id != "NDSL1008")
                .Select(d => WithHelpLink(core, d.WithSeverity(global::NetDsl.Diagnostics.Severity.Error)))
                .ToArray();
            Assert.That(expected.Select(e => e.Substring(path.Length)), Has.Some.StartsWith("(6,19): error NDSL3009").And.Some.StartsWith("(9,14): error NDSL1001"));
            Assert.That(DotnetCli.DiagnosticLines(build.Output, "NDSL"), Is.EquivalentTo(expected), build.Output);
            Assert.That(build.ExitCode, Is.Not.EqualTo(0), build.Output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void The_packed_package_builds_the_squid_example_like_a_users_project()
    {
        string dir = DotnetCli.NewTempDirectory("package");
        try
        {
            string root = RepoPaths.Root;
            string feed = Path.Combine(dir, "feed");
            // A version no cache has seen: a stale package from an earlier run can never be picked up.
            // The random part starts with a letter: an all-digit identifier with a leading zero ("016165") is not valid SemVer.
            string version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + ".r" + Guid.NewGuid().ToString("N").Substring(0, 6);
            foreach (var project in new[] { "src/NetDsl/NetDsl.csproj", "generators/NetDsl.Generators/NetDsl.Generators.csproj" })
            {
                var pack = DotnetCli.Run(root, "pack", Path.Combine(root, project), "-nologo", "--no-build", "-c", DotnetCli.Configuration, "-p:PackageVersion=" + version, "-o", feed);
                Assert.That(pack.ExitCode, Is.EqualTo(0), pack.Output);
            }
            string generatorPackage = Path.Combine(feed, "NetDsl.Generators." + version + ".nupkg");
            using (var zip = System.IO.Compression.ZipFile.OpenRead(generatorPackage))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                Assert.That(entries, Is.SupersetOf(new[]
                {
                    "analyzers/dotnet/cs/NetDsl.Generators.dll", "analyzers/dotnet/cs/NetDsl.dll", "analyzers/dotnet/cs/Sprache.dll",
                    "build/NetDsl.Generators.props", "buildTransitive/NetDsl.Generators.props",
                }));
                Assert.That(entries, Has.None.StartsWith("lib/"));
                Assert.That(entries, Has.None.Contains("Scriban"));
            }

            string example = Path.Combine(dir, "squid-ipv6");
            Directory.CreateDirectory(example);
            foreach (var file in new[] { "Squid.Ipv6.csproj", "Program.cs", "lab.netdsl" })
                File.Copy(Path.Combine(root, "examples", "squid-ipv6", file), Path.Combine(example, file));
            // The packages of this build go to a folder of their own; everything else comes from the machine's cache.
            string packages = Path.Combine(dir, "packages");
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var build = DotnetCli.Run(example, "build", "-nologo", "-p:NetDslVersion=" + version,
                "-p:RestoreAdditionalProjectSources=" + feed, "-p:RestorePackagesPath=" + packages, "-p:RestoreFallbackFolders=" + cache);
            Assert.That(build.ExitCode, Is.EqualTo(0), build.Output);
            string lab = Path.Combine(example, "lab.netdsl");
            var compiled = NetDslCompiler.Compile(File.ReadAllText(lab), lab);
            var warning = compiled.Diagnostics.Single();
            Assert.That(DotnetCli.DiagnosticLines(build.Output, "NDSL"), Is.EqualTo(new[] { WithHelpLink(compiled, warning) }), build.Output);
            Assert.That(compiled.Format(warning), Does.StartWith(lab + "(51,33): warning NDSL5004: "));

            var run = DotnetCli.Run(example, Path.Combine(example, "bin", "Debug", "net10.0", "Squid.Ipv6.dll"));
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            Assert.That(run.Output, Does.Contain("network br_ipv6_nw fd5a:ceb9:ed8d:1::/64 gateway fd5a:ceb9:ed8d:1::1"));
            Assert.That(run.Output, Does.Contain("upstream with another prefix: 2001:db8:aa00:ffff::1/64"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The CLI's line for a diagnostic, as MSBuild prints it: followed by the descriptor's help link.</summary>
    private static string WithHelpLink(CompilationResult compiled, global::NetDsl.Diagnostics.NetDslDiagnostic d) => compiled.Format(d) + " (" + d.Descriptor.HelpLink + ")";
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetDsl.Diagnostics;
using NetDsl.Tests.Diagnostics;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Targets.Tests.Consumers;

/// <summary>
/// The promise `check` makes: a file it accepts, `emit` renders, and every artifact is accepted by what consumes it —
/// `nft -c -f` for the ruleset, `sh -n` for docker.sh, a JSON parser for daemon.json and the Engine API bodies, and
/// for IOS, PAN-OS and the NPTv6 gateway's systemd unit the line grammars written from the vendors' references. Over seeded generated files (a
/// failure is shrunk to the fewest lines that still break it) and every diagnostic's good example.
/// </summary>
public class CheckEmitConsumerTests
{
    public const int Seeds = 60;

    public static IEnumerable<int> SeedNumbers => Enumerable.Range(1, Seeds);

    public static IEnumerable<DiagnosticExample> GoodExamples => DiagnosticExamples.All;

    [TestCaseSource(nameof(SeedNumbers))]
    public void A_generated_file_checks_emits_and_every_consumer_accepts_it(int seed)
    {
        var lines = LabFileGenerator.Generate(seed);
        var problems = Problems(string.Join("\n", lines) + "\n", requireClean: true);
        if (problems.Count == 0) return;
        // Shrink while the same kind of failure (check, emit, or the same artifact's consumer) persists.
        static string Kind(string problem) => problem.Substring(0, Math.Max(0, problem.IndexOf(':')));
        var shrunk = Shrink(lines, l => Problems(string.Join("\n", l) + "\n", requireClean: true) is { Count: > 0 } p && Kind(p[0]) == Kind(problems[0]));
        Assert.Fail($"seed {seed}: {string.Join("; ", problems)}\nshrunk to:\n{string.Join("\n", shrunk)}\n→ {string.Join("; ", Problems(string.Join("\n", shrunk) + "\n", true))}");
    }

    [TestCaseSource(nameof(GoodExamples))]
    public void A_good_example_emits_and_every_consumer_accepts_it(DiagnosticExample example) =>
        Assert.That(Problems(example.Good, requireClean: true), Is.Empty);

    /// <summary>What breaks the promise for one file (empty when it holds, or when the file has errors and <paramref name="requireClean"/> is false).</summary>
    private static List<string> Problems(string text, bool requireClean)
    {
        var compiled = NetDslCompiler.Compile(text, "gen.netdsl");
        if (compiled.HasErrors)
            return requireClean ? compiled.Errors.Select(e => "check: " + compiled.Format(e)).ToList() : new List<string>();
        var rendered = TargetSet.Render(compiled.Model!, TargetRegistry.All());
        var problems = rendered.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => "emit: " + compiled.Format(d)).ToList();
        foreach (var artifact in rendered.Artifacts) problems.AddRange(Consumer(artifact).Select(p => artifact.RelativePath + ": " + p));
        return problems;
    }

    private static IEnumerable<string> Consumer(Artifact artifact)
    {
        string path = artifact.RelativePath;
        if (path.EndsWith(".json", StringComparison.Ordinal)) return Json(artifact.Content);
        if (path.EndsWith(".ios", StringComparison.Ordinal)) return IosLineGrammar.Refused(artifact.Content);
        if (path.EndsWith(".panos", StringComparison.Ordinal)) return PanosLineGrammar.Refused(artifact.Content);
        if (path.EndsWith(".sh", StringComparison.Ordinal)) return Tool("sh", new[] { "-n" }, artifact.Content, ".sh");
        if (path.EndsWith(".nft", StringComparison.Ordinal)) return Tool("nft", new[] { "-c", "-f" }, artifact.Content, ".nft");
        if (path == "topology.md") return MermaidBlocks(artifact.Content);
        if (path.EndsWith(".service", StringComparison.Ordinal)) return SystemdUnit(artifact.Content).Concat(SystemdUnitGrammar.Refused(artifact.Content));
        return new[] { "no consumer check for this kind of artifact" };
    }

    private static IEnumerable<string> Json(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return Array.Empty<string>();
        }
        catch (JsonException e)
        {
            return new[] { "not JSON: " + e.Message };
        }
    }

    /// <summary>
    /// topology.md as GitHub and GitLab read it: fenced ```mermaid blocks, each one diagram of a kind Mermaid knows. The
    /// drawing itself is Mermaid's CLI's part, in NetDsl.Diagrams.Tests, over the examples and the differential
    /// harness's generated files (the same builders emit uses here).
    /// </summary>
    private static IEnumerable<string> MermaidBlocks(string markdown)
    {
        var blocks = System.Text.RegularExpressions.Regex.Matches(markdown, "(?ms)^```mermaid\n(.*?)^```$");
        if (blocks.Count == 0) yield return "no ```mermaid block";
        foreach (System.Text.RegularExpressions.Match b in blocks)
        {
            string first = b.Groups[1].Value.Split('\n')[0].Trim();
            if (first is not ("flowchart TB" or "flowchart LR" or "sequenceDiagram") && !first.StartsWith("%%", StringComparison.Ordinal))
                yield return "a mermaid block starts with '" + first + "', not a diagram type";
        }
        if (markdown.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2 != 0) yield return "an unclosed code fence";
    }

    /// <summary>
    /// systemd's own unit parser (<c>systemd-analyze verify</c>, no running systemd needed). It also requires the
    /// command to exist where systemd looks (/usr/local/bin…), which a test machine does not have, so the command is
    /// swapped for /bin/true: this judges the unit; the gateway's arguments are the CLI tests' part. An unknown key or
    /// section is only a warning to systemd, so any output counts as a refusal.
    /// </summary>
    private static IEnumerable<string> SystemdUnit(string content)
    {
        string unit = System.Text.RegularExpressions.Regex.Replace(content, @"(?m)^ExecStart=netdsl ", "ExecStart=/bin/true ");
        var problems = Tool("systemd-analyze", new[] { "verify" }, unit, ".service", anyOutputRefuses: true).ToList();
        if (unit == content) problems.Add("the unit does not start `netdsl`");
        return problems;
    }

    /// <summary>Runs a real consumer on the artifact; nft needs root for its netlink check (lab prerequisites).</summary>
    private static IEnumerable<string> Tool(string tool, string[] args, string content, string extension, bool anyOutputRefuses = false)
    {
        if (tool == "nft") LabRequirement.RequireRootAndNamespaces("nft");
        string? exe = LabRequirement.FindOnPath(tool);
        if (exe is null) return new[] { tool + " is not installed" };
        string file = Path.Combine(Path.GetTempPath(), "netdsl-consumer-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(file, content);
        try
        {
            var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            string errors = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && !(anyOutputRefuses && errors.Trim().Length > 0) ? Array.Empty<string>() : new[] { $"{tool} {string.Join(" ", args)} refused it: {errors.Trim()}" };
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Drops lines one at a time while the failure persists (statements are one per line).</summary>
    private static List<string> Shrink(List<string> lines, Func<List<string>, bool> fails)
    {
        var current = lines.ToList();
        bool progress = true;
        while (progress)
        {
            progress = false;
            for (int i = current.Count - 1; i >= 0; i--)
            {
                var candidate = current.Where((_, j) => j != i).ToList();
                if (!fails(candidate)) continue;
                current = candidate;
                progress = true;
            }
        }
        return current;
    }
}

/// <summary>The grammars refuse what the devices refuse (else the property above could not fail).</summary>
public class LineGrammarTests
{
    [TestCase("interface uplink")]
    [TestCase(" ip address 192.0.2.1 255.0.255.0")]
    [TestCase(" ipv6 address fd00::1/64")]
    [TestCase("ipv6 route ::/0 Vlan 252")]
    [TestCase("ipv6 unicast-routing\"")]
    public void Ios_refuses(string line) =>
        Assert.That(IosLineGrammar.Refused("interface Vlan10\n" + line + "\nend\n"), Is.Not.Empty);

    [Test]
    public void Ios_reads_the_example() => Assert.That(IosLineGrammar.Refused(SquidExample.Artifact("Rdc01/Rdc01.ios").Content), Is.Empty);

    [TestCase("set zone abcdefghijklmnopqrstuvwxyz0123456 network layer3 ethernet1/1")]
    [TestCase("set network interface ethernet ethernet1/1 layer3 units ethernet1/1.999 tag 4095")]
    [TestCase("set rulebase nat rules r nat-type nat64")]
    [TestCase("set network interface ethernet port1 layer3 ipv6 enabled yes")]
    public void Panos_refuses(string line) => Assert.That(PanosLineGrammar.Refused(line + "\n"), Is.Not.Empty);

    [Test]
    public void Panos_reads_the_example() => Assert.That(PanosLineGrammar.Refused(SquidExample.Artifact("FWdc01/FWdc01.panos").Content), Is.Empty);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Lab;
using NetDsl.Tracing;

namespace NetDsl.Differential;

/// <summary>One file through check, trace, `lab up`, `lab test` and `lab down`: what disagreed, and why.</summary>
public sealed record DifferentialOutcome(string Text, IReadOnlyList<string> CheckErrors, IReadOnlyList<string> UpErrors, IReadOnlyList<LabVerdict> Verdicts,
    IReadOnlyList<string> DownErrors, TimeSpan Elapsed)
{
    /// <summary>The expects trace and the lab disagree on (or the lab could not tell).</summary>
    public IEnumerable<LabVerdict> Disagreements => Verdicts.Where(v => !v.Agree || v.Error is not null);

    /// <summary>The file is valid (check accepts it, up to failed expects), it was built and torn down, and every expect agrees.</summary>
    public bool Agrees => CheckErrors.Count == 0 && UpErrors.Count == 0 && DownErrors.Count == 0 && !Disagreements.Any();

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var e in CheckErrors) text.Append("check: ").Append(e).Append('\n');
        foreach (var e in UpErrors) text.Append("lab up: ").Append(e).Append('\n');
        foreach (var v in Disagreements) text.Append(v.Line()).Append('\n');
        foreach (var e in DownErrors) text.Append("lab down: ").Append(e).Append('\n');
        return text.ToString();
    }
}

/// <summary>
/// Runs one generated file for real. A file check refuses (anything but failed expects) is a generator bug; a file
/// `lab up` cannot build although check accepts it is a disagreement (check promised it works); every expect whose
/// verdicts differ, or the lab could not tell, is a disagreement. The lab is always torn down, and must leave nothing.
/// </summary>
public static class DifferentialRunner
{
    private static int _counter;

    /// <summary>A lab name of its own per run: "x" + 4 hex digits of the process id + a counter (other people run labs on this machine too).</summary>
    public static LabName NewLabName() =>
        new("x" + (Environment.ProcessId % 0xffff).ToString("x4", CultureInfo.InvariantCulture) + (++_counter % 1000).ToString(CultureInfo.InvariantCulture));

    public static async Task<DifferentialOutcome> RunAsync(string text, Action<string> log)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var compiled = NetDslCompiler.Compile(text, "generated.netdsl");
        var blocking = compiled.Diagnostics.Where(CompilationResult.BlocksModel).Select(d => compiled.Format(d)).ToList();
        if (compiled.Model is null || blocking.Count > 0)
            return new DifferentialOutcome(text, blocking.DefaultIfEmpty("no model").ToList(), Array.Empty<string>(), Array.Empty<LabVerdict>(), Array.Empty<string>(), clock.Elapsed);

        var name = NewLabName();
        string dir = Path.Combine(Path.GetTempPath(), "netdsl-diff-" + name.Short);
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "generated.netdsl");
        await File.WriteAllTextAsync(file, text);
        var upErrors = new List<string>();
        var downErrors = new List<string>();
        IReadOnlyList<LabVerdict> verdicts = Array.Empty<LabVerdict>();
        try
        {
            var up = await new LabUp(new LabDockerEngine(), _ => { }).RunAsync(file, name, new Dictionary<string, string>());
            if (!up.Succeeded) upErrors.AddRange(up.Errors);
            else
            {
                var report = await new LabTest(_ => { }).RunAsync(name);
                verdicts = report.Verdicts;
                if (verdicts.Count == 0 && !report.Outcome.Succeeded) upErrors.AddRange(report.Outcome.Errors);
            }
        }
        finally
        {
            var down = await LabDown.RunAsync(name, _ => { });
            if (!down.Succeeded) downErrors.AddRange(down.Errors);
            if (LabDown.Leftovers(name) is { Count: > 0 } left) downErrors.Add("left behind: " + string.Join(", ", left));
            Directory.Delete(dir, recursive: true);
        }
        var outcome = new DifferentialOutcome(text, Array.Empty<string>(), upErrors, verdicts, downErrors, clock.Elapsed);
        log($"{verdicts.Count} expects, {outcome.Disagreements.Count()} disagreements, {clock.Elapsed.TotalSeconds:0.0} s");
        return outcome;
    }

    /// <summary>
    /// The smallest file (within the budget) on which the first disagreement remains: the other expects go first in
    /// one step, then statements and settings one by one, each candidate labbed.
    /// </summary>
    public static async Task<string> ShrinkAsync(GeneratedTopology generated, DifferentialOutcome failed, Action<string> log, int budget = 30)
    {
        string? key = failed.Disagreements.Select(v => v.Expect).FirstOrDefault();
        bool upFailed = failed.UpErrors.Count > 0;
        bool IsExpect(Block b) => b.Header.StartsWith("expect ", StringComparison.Ordinal);
        var blocks = generated.Blocks;
        if (key is not null)
        {
            var only = blocks.Where(b => !IsExpect(b) || b.Header == key).ToList();
            if (only.Count < blocks.Count && await Fails(only)) blocks = only;
        }

        bool Keep(IReadOnlyList<Block> candidate)
        {
            if (key is not null && !candidate.Any(b => b.Header == key)) return false;
            return NetDslCompiler.Compile(Block.Render(candidate), "shrunk.netdsl").Model is not null;
        }

        async Task<bool> Fails(IReadOnlyList<Block> candidate)
        {
            var outcome = await RunAsync(Block.Render(candidate), log);
            return upFailed ? outcome.UpErrors.Count > 0 : outcome.Disagreements.Any(v => v.Expect == key);
        }

        var (shrunk, calls) = await Shrinker.ShrinkAsync(blocks, Keep, Fails, budget);
        log($"shrunk from {generated.Blocks.Count} to {shrunk.Count} statements in {calls} lab runs");
        return Block.Render(shrunk);
    }
}

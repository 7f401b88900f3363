using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NetDsl.Cli.Commands;

/// <summary>
/// Runs a command's work on each docker-host of the file. One host: straight to the console, as always. Several:
/// concurrently (at most <see cref="MaxConcurrentHosts"/>), each into its own buffer so reports never interleave;
/// a progress line per host as it starts and ends (stderr), then each host's report in file order and a summary
/// with every host's result. One host failing never stops the others. The exit code is the worst of them.
/// </summary>
internal static class HostRuns
{
    public const int MaxConcurrentHosts = 4;

    public static async Task<int> RunAsync(IReadOnlyList<HostTarget> targets, CliConsole console, string verb, Func<HostTarget, CliConsole, Task<int>> work)
    {
        if (targets.Count == 1) return await work(targets[0], console);
        var outputs = targets.Select(_ => new StringWriter()).ToArray();
        var codes = new int[targets.Count];
        var times = new TimeSpan[targets.Count];
        using var gate = new SemaphoreSlim(MaxConcurrentHosts);
        var progress = new object();
        await Task.WhenAll(targets.Select(async (t, i) =>
        {
            await gate.WaitAsync();
            try
            {
                lock (progress) console.Error.WriteLine($"netdsl: host {t.Host.Name}: {verb} ({t.Engine.Endpoint})…");
                var clock = Stopwatch.StartNew();
                try
                {
                    codes[i] = await work(t, new CliConsole(outputs[i], outputs[i]));
                }
                catch (Exception e)
                {
                    // Never lets one host's surprise stop the others' reports.
                    outputs[i].WriteLine("netdsl: internal error: " + e.Message);
                    codes[i] = ExitCodes.Internal;
                }
                times[i] = clock.Elapsed;
                lock (progress) console.Error.WriteLine($"netdsl: host {t.Host.Name}: {Result(codes[i])} in {times[i].TotalSeconds:0.0} s");
            }
            finally
            {
                gate.Release();
            }
        }));
        for (int i = 0; i < targets.Count; i++) console.Out.Write(outputs[i].ToString());
        console.Out.WriteLine("summary:");
        for (int i = 0; i < targets.Count; i++)
        {
            string firstProblem = outputs[i].ToString().Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("failed", StringComparison.Ordinal)
                || l.StartsWith("netdsl:", StringComparison.Ordinal) || l.TrimStart().StartsWith("error", StringComparison.Ordinal))?.Trim() ?? "";
            console.Out.WriteLine($"  {targets[i].Host.Name,-16} {Result(codes[i]),-16} {times[i].TotalSeconds,5:0.0} s" + (codes[i] is 0 or 2 || firstProblem.Length == 0 ? "" : "  " + firstProblem));
        }
        // Worst first: interrupted, internal, usage, failure, changes pending, success.
        return codes.OrderBy(c => c switch { 130 or 143 => 0, ExitCodes.Internal => 1, ExitCodes.Usage => 2, ExitCodes.Failure => 3, ExitCodes.ChangesPending => 4, _ => 5 }).First();
    }

    private static string Result(int code) => code switch
    {
        ExitCodes.Success => "ok",
        ExitCodes.ChangesPending => "changes pending",
        130 or 143 => "interrupted",
        _ => "failed (exit " + code + ")",
    };
}

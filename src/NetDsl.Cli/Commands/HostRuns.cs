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
/// progress per host on stderr (<see cref="HostProgress"/>: redrawn in place on a terminal, else a line as each host
/// starts and ends), then each host's report in file order and a summary with every host's result. One host failing
/// never stops the others. The exit code is the worst of them.
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
        var progress = HostProgress.For(console, verb, targets.Select(t => (t.Host.Name, t.Engine.Endpoint.ToString())).ToList());
        await Task.WhenAll(targets.Select(async (t, i) =>
        {
            await gate.WaitAsync();
            try
            {
                progress.Started(i);
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
                progress.Finished(i, codes[i], times[i]);
            }
            finally
            {
                gate.Release();
            }
        }));
        await progress.CompleteAsync();
        for (int i = 0; i < targets.Count; i++) console.Out.Write(outputs[i].ToString());
        console.Out.WriteLine("summary:");
        for (int i = 0; i < targets.Count; i++)
        {
            string firstProblem = outputs[i].ToString().Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("failed", StringComparison.Ordinal)
                || l.StartsWith("netdsl:", StringComparison.Ordinal) || l.TrimStart().StartsWith("error", StringComparison.Ordinal))?.Trim() ?? "";
            console.Out.WriteLine($"  {targets[i].Host.Name,-16} {HostProgress.Result(codes[i]),-16} {times[i].TotalSeconds,5:0.0} s" + (codes[i] is 0 or 2 || firstProblem.Length == 0 ? "" : "  " + firstProblem));
        }
        // Worst first: interrupted, internal, usage, failure, changes pending, success.
        return codes.OrderBy(c => c switch { 130 or 143 => 0, ExitCodes.Internal => 1, ExitCodes.Usage => 2, ExitCodes.Failure => 3, ExitCodes.ChangesPending => 4, _ => 5 }).First();
    }
}

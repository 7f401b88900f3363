using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace NetDsl.Benchmarks;

public static class Program
{
    /// <summary>
    /// `-- --filter '*'` runs everything; `-- --list flat` lists the benchmarks. Every benchmark runs in this process
    /// (BenchmarkDotNet's `--inProcess`, added here so no command needs it): out of process, BenchmarkDotNet rebuilds
    /// this project in a folder of its own, where the generator reference hands it the core's netstandard2.0 build
    /// and the generated NPTv6 translators (net10.0 API) do not compile.
    /// </summary>
    public static void Main(string[] args)
    {
        if (!args.Any(a => string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase) || string.Equals(a, "-i", StringComparison.Ordinal)))
            args = args.Append("--inProcess").ToArray();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

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
    public static int Main(string[] args)
    {
        // The packet-throughput benchmark and its child processes (Throughput/): not BenchmarkDotNet, see there.
        switch (args.FirstOrDefault())
        {
            case "throughput": return Throughput.ThroughputBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
            case "throughput-send": return Throughput.UdpTraffic.Send(args[1], double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
            case "throughput-receive": return Throughput.UdpTraffic.Receive(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            case "throughput-gateway": return Throughput.CompiledGateway.Run(args[1..]);
        }
        if (!args.Any(a => string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase) || string.Equals(a, "-i", StringComparison.Ordinal)))
            args = args.Append("--inProcess").ToArray();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NetDsl.Benchmarks;

public static class Program
{
    /// <summary>
    /// `-- --filter '*'` runs everything; `-- --list flat` lists the benchmarks. Every benchmark runs in this process
    /// (a default job with the in-process toolchain, so no command needs `--inProcess`): out of process, BenchmarkDotNet rebuilds
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
        // In process, as a default job: its toolchain applies to every benchmark's own [SimpleJob] without adding a job
        // of its own (`--inProcess` would add one). An hour's limit: BenchmarkDotNet's default in-process toolchain stops
        // a case after 5 minutes, and one iteration of the 200-container apply benchmark's script takes over a minute.
        var inProcess = Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)).AsDefault();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddJob(inProcess));
        return 0;
    }
}

using BenchmarkDotNet.Running;

namespace NetDsl.Benchmarks;

public static class Program
{
    /// <summary>`-- --filter '*'` runs everything; `-- --list flat` lists the benchmarks.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

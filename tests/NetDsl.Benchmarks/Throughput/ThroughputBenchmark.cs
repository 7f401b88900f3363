using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Lab.Namespaces;

namespace NetDsl.Benchmarks.Throughput;

/// <summary>
/// `throughput`: 64-byte UDP over IPv6 through one namespace pair, sender ── router ── receiver, with the same sender and
/// receiver for every path, in one run: no router at all (the sender in the router's namespace: what the path costs
/// without forwarding), plain kernel forwarding (the limit), the kernel's ip6t_NPT, and NetDsl's gateway — the CLI
/// (`netdsl nptv6 run`, generic translators) behind NFQUEUE, behind a TUN device and on AF_XDP, and the library hosted
/// with the compiled translator behind NFQUEUE and on AF_XDP. Each path is measured twice: unpaced (the sender as fast as it can: the most the
/// path delivers, and what it loses) and paced at a rate every path carries without loss (CPU per packet). CPU is that of
/// every process on the path plus ksoftirqd (<see cref="CpuMeter"/>). Not BenchmarkDotNet: this times the kernel and
/// three processes, not a method; the ratios are against the kernel paths measured in the same run.
/// Traffic stays in the namespaces this creates (ULA inside, 2001:db8::/32 outside), removed at the end.
/// </summary>
internal sealed class ThroughputBenchmark
{
    private const string Inside = "fd5a:ceb9:ed8d:fe0a::/64", Outside = "2001:db8:ff00:ff66::/64";
    private const string SenderAddress = "fd5a:ceb9:ed8d:fe0a::2", RouterInside = "fd5a:ceb9:ed8d:fe0a::1";
    private const string RouterOutside = "2001:db8:fffe::1", ReceiverAddress = "2001:db8:fffe::2";

    private readonly Options _options;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];
    private NetworkNamespace _sender = null!, _router = null!, _receiver = null!;
    private CpuMeter _cpu = null!;

    private ThroughputBenchmark(Options options) => _options = options;

    public sealed record Options(double Seconds, double Rate, int Rounds, int? Cpu, IReadOnlyList<string> Paths);

    private sealed record Path(string Name, string Label, bool FromRouter, Func<Task<ChildProcess?>> Setup, Func<Task> Teardown);

    public sealed record Measurement(string Path, bool Paced, long Sent, long Received, double Seconds, double CpuSeconds, double OthersBusy)
    {
        public double Loss => Sent == 0 ? 0 : 1 - (double)Received / Sent;
        public double Pps => Seconds > 0 ? Received / Seconds : 0;
        public double PacketsPerCpuSecond => CpuSeconds > 0 ? Received / CpuSeconds : 0;
        public double MicrosecondsPerPacket => Received > 0 ? CpuSeconds * 1e6 / Received : 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        if (options is null) return 64;
        var bench = new ThroughputBenchmark(options);
        try
        {
            await bench.BuildAsync();
            var results = await bench.MeasureAsync();
            Report(results, options);
            return 0;
        }
        finally
        {
            await bench.DisposeAsync();
        }
    }

    private static Options? Parse(string[] args)
    {
        double seconds = 5, rate = 20_000;
        int rounds = 3;
        int? cpu = null;
        var paths = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cpu": cpu = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--paths": paths.AddRange(Next().Split(',')); break;
                default:
                    Console.Error.WriteLine("throughput [--seconds 5] [--rate 20000] [--rounds 3] [--cpu N (pin every process to one CPU)] [--paths direct,forward,kernel-npt,netdsl-nfqueue,netdsl-tun,netdsl-xdp,compiled-nfqueue,compiled-xdp]");
                    return null;
            }
        }
        return new Options(seconds, rate, rounds, cpu, paths);
    }

    private async Task BuildAsync()
    {
        _cpu = CpuMeter.Create("netdsl-throughput-" + _suffix);
        _sender = await NetworkNamespace.CreateAsync("ndsl-tp-s-" + _suffix);
        _router = await NetworkNamespace.CreateAsync("ndsl-tp-r-" + _suffix);
        _receiver = await NetworkNamespace.CreateAsync("ndsl-tp-d-" + _suffix);
        await _sender.ConnectAsync("s0", _router, "r0");
        await _router.ConnectAsync("r1", _receiver, "d0");
        await _router.ExecCheckedAsync("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        await _sender.ExecCheckedAsync("ip", "-6", "addr", "add", SenderAddress + "/64", "dev", "s0", "nodad");
        await _sender.ExecCheckedAsync("ip", "-6", "route", "add", "default", "via", RouterInside);
        await _router.ExecCheckedAsync("ip", "-6", "addr", "add", RouterInside + "/64", "dev", "r0", "nodad");
        await _router.ExecCheckedAsync("ip", "-6", "addr", "add", RouterOutside + "/64", "dev", "r1", "nodad");
        await _receiver.ExecCheckedAsync("ip", "-6", "addr", "add", ReceiverAddress + "/64", "dev", "d0", "nodad");
        await _receiver.ExecCheckedAsync("ip", "-6", "route", "add", "default", "via", RouterOutside);
        foreach (var ns in new[] { _sender, _router, _receiver })
            await ns.ExecAsync("sysctl", "-qw", "net.ipv6.conf.all.router_solicitations=0");
        // The senders' checksums computed in full, for every path alike: over veth a local sender's UDP checksum is
        // otherwise left to "hardware" that never comes (CHECKSUM_PARTIAL), which the kernel's paths complete but an
        // AF_XDP socket cannot (it sees only the bytes). Needs ethtool.
        await _sender.ExecCheckedAsync("ethtool", "-K", "s0", "tx", "off");
        await _router.ExecCheckedAsync("ethtool", "-K", "r1", "tx", "off");
        // Neighbours resolved before any measurement.
        await _sender.ExecCheckedAsync("ping", "-6", "-n", "-q", "-c", "1", "-W", "2", ReceiverAddress);
        await _router.ExecCheckedAsync("ping", "-6", "-n", "-q", "-c", "1", "-W", "2", SenderAddress);
    }

    private IEnumerable<Path> Paths()
    {
        var notrack = new[] { "ip6tables", "-t", "raw", "-A", "PREROUTING", "-j", "CT", "--notrack" };
        async Task Flush()
        {
            await _router.ExecAsync("ip6tables", "-t", "raw", "-F");
            await _router.ExecAsync("ip6tables", "-t", "mangle", "-F");
        }
        yield return new Path("direct", "no router (sender in the router's namespace)", true, () => Task.FromResult<ChildProcess?>(null), () => Task.CompletedTask);
        yield return new Path("forward", "kernel forwarding, no NPTv6 (the limit)", false, () => Task.FromResult<ChildProcess?>(null), () => Task.CompletedTask);
        yield return new Path("kernel-npt", "kernel ip6t_NPT (SNPT/DNPT, notrack)", false, async () =>
        {
            await _router.ExecCheckedAsync(notrack[0], notrack[1..]);
            await _router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "POSTROUTING", "-o", "r1", "-s", Inside, "-j", "SNPT", "--src-pfx", Inside, "--dst-pfx", Outside);
            await _router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "PREROUTING", "-i", "r1", "-d", Outside, "-j", "DNPT", "--src-pfx", Outside, "--dst-pfx", Inside);
            return null;
        }, Flush);
        yield return new Path("netdsl-nfqueue", "netdsl nptv6 run --nfqueue (generic translator)", false, async () =>
        {
            await NfQueueRulesAsync(notrack);
            return await StartGatewayAsync(NetDsl.Cli.SelfCommand.Prefix().Concat(new[] { "nptv6", "run", "--inside", Inside, "--outside", Outside, "--nfqueue", "100" }), "nptv6 gateway running");
        }, Flush);
        yield return new Path("netdsl-tun", "netdsl nptv6 run --tun --route (generic translator)", false,
            async () => await StartGatewayAsync(NetDsl.Cli.SelfCommand.Prefix().Concat(new[] { "nptv6", "run", "--inside", Inside, "--outside", Outside, "--tun", "ndtp" + _suffix, "--route" }), "nptv6 gateway running"),
            () => Task.CompletedTask);
        yield return new Path("netdsl-xdp", "netdsl nptv6 run --xdp (AF_XDP, generic translator)", false,
            async () => await StartGatewayAsync(NetDsl.Cli.SelfCommand.Prefix().Concat(new[] { "nptv6", "run", "--inside", Inside, "--outside", Outside, "--xdp", "r0,r1" }), "nptv6 gateway running"),
            () => Task.CompletedTask);
        yield return new Path("compiled-xdp", "the gateway library with the compiled translator, AF_XDP", false,
            async () => await StartGatewayAsync(new[] { Environment.ProcessPath ?? "dotnet", typeof(ThroughputBenchmark).Assembly.Location, "throughput-gateway", "xdp" }, "gateway running"),
            () => Task.CompletedTask);
        yield return new Path("compiled-nfqueue", "the gateway library with the compiled translator, NFQUEUE", false, async () =>
        {
            await NfQueueRulesAsync(notrack);
            return await StartGatewayAsync(new[] { Environment.ProcessPath ?? "dotnet", typeof(ThroughputBenchmark).Assembly.Location, "throughput-gateway", "100" }, "gateway running");
        }, Flush);
    }

    private async Task NfQueueRulesAsync(string[] notrack)
    {
        await _router.ExecCheckedAsync(notrack[0], notrack[1..]);
        await _router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "POSTROUTING", "-o", "r1", "-s", Inside, "-j", "NFQUEUE", "--queue-num", "100");
        await _router.ExecCheckedAsync("ip6tables", "-t", "mangle", "-A", "PREROUTING", "-i", "r1", "-d", Outside, "-j", "NFQUEUE", "--queue-num", "101");
    }

    private async Task<ChildProcess?> StartGatewayAsync(IEnumerable<string> command, string ready)
    {
        var gateway = ChildProcess.Start(_router.Name, command, _cpu.ProcsFile, _options.Cpu, ready);
        await gateway.WaitReadyAsync(TimeSpan.FromSeconds(30));
        return gateway;
    }

    private async Task<List<Measurement>> MeasureAsync()
    {
        var all = new List<Measurement>();
        var paths = Paths().Where(p => _options.Paths.Count == 0 || _options.Paths.Contains(p.Name)).ToList();
        for (int round = 1; round <= _options.Rounds; round++)
        {
            foreach (var path in paths)
            {
                var gateway = await path.Setup();
                try
                {
                    await OnceAsync(path, 0, Math.Min(1, _options.Seconds)); // warm-up: JIT, neighbour entries, queues
                    foreach (double rate in new[] { 0, _options.Rate })
                    {
                        var m = await OnceAsync(path, rate, _options.Seconds);
                        all.Add(m);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"round {round} {path.Name,-17} {(rate > 0 ? "paced " + rate : "unpaced"),-12} sent {m.Sent,9} received {m.Received,9} loss {m.Loss,6:P1} " +
                            $"{m.Pps,9:0} pps  cpu {m.CpuSeconds,5:0.00} s  {m.PacketsPerCpuSecond,8:0} pkt/cpu-s  {m.MicrosecondsPerPacket,5:0.00} µs/pkt  others {m.OthersBusy,4:0.00} cores"));
                    }
                }
                finally
                {
                    if (gateway is not null)
                    {
                        await gateway.StopAsync();
                        Console.WriteLine("  " + path.Name + ": " + (gateway.LineStartingWith("nptv6 gateway stopped") ?? gateway.LineStartingWith("gateway stopped")));
                        await gateway.DisposeAsync();
                    }
                    await path.Teardown();
                }
            }
        }
        return all;
    }

    private async Task<Measurement> OnceAsync(Path path, double rate, double seconds)
    {
        var bench = new[] { Environment.ProcessPath ?? "dotnet", typeof(ThroughputBenchmark).Assembly.Location };
        await using var receiver = ChildProcess.Start(_receiver.Name, bench.Concat(new[] { "throughput-receive", F(seconds) }), _cpu.ProcsFile, _options.Cpu, "listening");
        await receiver.WaitReadyAsync(TimeSpan.FromSeconds(30));
        var before = _cpu.Read();
        await using var sender = ChildProcess.Start(path.FromRouter ? _router.Name : _sender.Name,
            bench.Concat(new[] { "throughput-send", ReceiverAddress, F(seconds), F(rate) }), _cpu.ProcsFile, _options.Cpu);
        await sender.WaitAsync();
        await receiver.WaitAsync();
        var after = _cpu.Read();
        var sent = Fields(sender.LineStartingWith("sent "), sender.Output);
        var received = Fields(receiver.LineStartingWith("received "), receiver.Output);
        double cpu = after.PathSeconds - before.PathSeconds + after.SoftirqdSeconds - before.SoftirqdSeconds;
        double wall = after.MachineSeconds - before.MachineSeconds;
        double machineBusy = after.MachineBusySeconds - before.MachineBusySeconds;
        // Others' load in cores: the machine's busy time less ours, over the wall time (machine seconds / CPUs).
        double wallSeconds = wall / Environment.ProcessorCount;
        double others = wallSeconds > 0 ? Math.Max(0, machineBusy - cpu) / wallSeconds : 0;
        return new Measurement(path.Name, rate > 0, long.Parse(sent[1], CultureInfo.InvariantCulture), long.Parse(received[1], CultureInfo.InvariantCulture), double.Parse(sent[2], CultureInfo.InvariantCulture), cpu, others);
    }

    private static string[] Fields(string? line, string output) =>
        line?.Split(' ') ?? throw new InvalidOperationException("a traffic process gave no count: " + output);

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Report(List<Measurement> results, Options options)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians over {options.Rounds} rounds of {options.Seconds} s; paced at {options.Rate} pps; {(options.Cpu is { } c ? "every process pinned to CPU " + c : "not pinned")}; {Environment.ProcessorCount} CPUs; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine("| path | unpaced: received pps | loss | packets per CPU-second | ÷ kernel ip6t_NPT | paced: CPU µs per packet | router's µs per packet |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        double kernel = Median(results.Where(r => r.Path == "kernel-npt" && !r.Paced).Select(r => r.PacketsPerCpuSecond));
        double direct = Median(results.Where(r => r.Path == "direct" && r.Paced).Select(r => r.MicrosecondsPerPacket));
        foreach (var group in results.GroupBy(r => r.Path))
        {
            var unpaced = group.Where(r => !r.Paced).ToList();
            var paced = group.Where(r => r.Paced).ToList();
            double perCpu = Median(unpaced.Select(r => r.PacketsPerCpuSecond));
            double micro = Median(paced.Select(r => r.MicrosecondsPerPacket));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {Median(unpaced.Select(r => r.Pps)):0} | {Median(unpaced.Select(r => r.Loss)):P1} | {perCpu:0} | {(kernel > 0 ? perCpu / kernel : 0):0.00}x | {micro:0.00} | {(group.Key == "direct" || direct == 0 ? "—" : (micro - direct).ToString("0.00", CultureInfo.InvariantCulture))} |"));
        }
    }

    private async Task DisposeAsync()
    {
        foreach (var ns in new[] { _sender, _router, _receiver })
            if (ns is not null) await ns.DisposeAsync();
        _cpu?.Dispose();
    }
}

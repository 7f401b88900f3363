using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetDsl.Benchmarks.Throughput;

/// <summary>
/// CPU time of everything on a path: a cgroup holding the sender, the receiver and the gateway (cgroup v1 cpuacct, or v2
/// cpu.stat), plus the ksoftirqd threads (softirq work the kernel defers there is charged to them, not to us). Without
/// IRQ time accounting the softirq work a process triggers (veth, forwarding, netfilter) is charged to that process, so
/// the sum is the whole path. Also the whole machine's busy time, to say how loaded it was by others.
/// </summary>
internal sealed class CpuMeter : IDisposable
{
    private readonly string _group;
    private readonly bool _v1;

    private CpuMeter(string group, bool v1)
    {
        _group = group;
        _v1 = v1;
    }

    /// <summary>Where child processes are put: echo their pid into this file.</summary>
    public string ProcsFile => Path.Combine(_group, "cgroup.procs");

    public static CpuMeter Create(string name)
    {
        if (Directory.Exists("/sys/fs/cgroup/cpuacct") && File.Exists("/sys/fs/cgroup/cpuacct/cpuacct.usage"))
        {
            string group = Path.Combine("/sys/fs/cgroup/cpuacct", name);
            Directory.CreateDirectory(group);
            return new CpuMeter(group, v1: true);
        }
        string v2 = Path.Combine("/sys/fs/cgroup", name);
        Directory.CreateDirectory(v2);
        return new CpuMeter(v2, v1: false);
    }

    public readonly record struct Sample(double PathSeconds, double SoftirqdSeconds, double MachineBusySeconds, double MachineSeconds);

    public Sample Read() => new(PathSeconds(), SoftirqdSeconds(), MachineBusy(out double total), total);

    private double PathSeconds()
    {
        if (_v1) return long.Parse(File.ReadAllText(Path.Combine(_group, "cpuacct.usage")).Trim(), CultureInfo.InvariantCulture) / 1e9;
        var line = File.ReadLines(Path.Combine(_group, "cpu.stat")).First(l => l.StartsWith("usage_usec", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture) / 1e6;
    }

    // utime + stime of every ksoftirqd/N, in clock ticks (USER_HZ = 100).
    private static double SoftirqdSeconds()
    {
        double ticks = 0;
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("ksoftirqd/", StringComparison.Ordinal)) continue;
                var fields = File.ReadAllText(Path.Combine(dir, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        return ticks / 100;
    }

    // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal ...; busy = all but idle and iowait.
    private static double MachineBusy(out double total)
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        total = fields.Take(8).Sum() / 100;
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / 100;
    }

    public void Dispose()
    {
        try { Directory.Delete(_group); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NetDsl.Pcap;
using NetDsl.Lab.Namespaces;
using NetDsl.Docker.Processes;

namespace NetDsl.Lab.Sniffing;

/// <summary>
/// tcpdump running in a namespace, writing a classic pcap file. <see cref="StartAsync(NetworkNamespace, string, string)"/> returns once tcpdump
/// says it is listening (so nothing sent afterwards is missed); <see cref="StopAsync"/> interrupts it (SIGINT, so
/// it flushes) and reads the file back. Disposing kills it if it is still running and deletes the file.
/// </summary>
public sealed class Tcpdump : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _file;
    private Task<string>? _stderr;

    private Tcpdump(Process process, string file)
    {
        _process = process;
        _file = file;
    }

    /// <param name="filter">A pcap filter expression, e.g. "icmp6 and ip6[40] == 128".</param>
    public static Task<Tcpdump> StartAsync(NetworkNamespace ns, string interfaceName, string filter) =>
        // `ip netns exec` execs tcpdump in place, so the process id is tcpdump's: SIGINT reaches it directly.
        StartAsync(new[] { "ip", "netns", "exec", ns.Name }, ns.Name, interfaceName, filter);

    /// <summary>
    /// tcpdump in the network namespace <paramref name="enter"/> runs it in: <c>ip netns exec NS</c>, or <c>nsenter -t PID -n</c>
    /// for a container's namespace (both exec the program in place, so SIGINT reaches tcpdump).
    /// </summary>
    public static async Task<Tcpdump> StartAsync(IReadOnlyList<string> enter, string label, string interfaceName, string filter)
    {
        string file = Path.Combine(Path.GetTempPath(), $"netdsl-{label}-{interfaceName}-{Guid.NewGuid():N}.pcap");
        var info = new ProcessStartInfo(enter[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // --immediate-mode matters: with TPACKET_V3, packets wait in a ring block until it fills or a 1 s timeout
        // retires it, and a SIGINT before that loses them ("0 packets captured, N received by filter").
        foreach (var a in enter.Skip(1).Concat(new[] { "tcpdump", "-n", "--immediate-mode", "-U", "-s", "0", "-i", interfaceName, "-w", file, filter }))
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start tcpdump");
        var capture = new Tcpdump(process, file);
        var ready = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.Contains("listening on", StringComparison.Ordinal)) return true;
            }
            return false;
        });
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(10))) != ready || !await ready)
        {
            await capture.DisposeAsync();
            throw new InvalidOperationException($"tcpdump on {label}/{interfaceName} did not start listening");
        }
        // Keep draining stderr so tcpdump never blocks on a full pipe.
        capture._stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        return capture;
    }

    /// <summary>What tcpdump said when it stopped ("N packets captured…"), for failure messages.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>What has been captured so far, without stopping (tcpdump -U writes each packet as it comes).</summary>
    public Task<PcapFile> PeekAsync()
    {
        var empty = new PcapFile(new PcapHeader(2, 4, 0, PcapLinkType.Ethernet, false), System.Array.Empty<PcapRecord>());
        if (!File.Exists(_file)) return Task.FromResult(empty);   // tcpdump has not written its header yet
        using var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        // A record being written may be cut short; the reader reports that as an error, so read what is complete.
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        if (PcapFile.TryRead(copy, out var capture, out _)) return Task.FromResult(capture!);
        return Task.FromResult(empty);
    }

    /// <summary>Stops tcpdump and returns what it captured.</summary>
    public async Task<PcapFile> StopAsync()
    {
        if (!_process.HasExited)
        {
            await ProcessRunner.RunAsync("kill", new[] { "-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5))) != exited) _process.Kill();
        }
        Summary = _stderr is null ? "" : (await _stderr).Trim();
        using var stream = File.OpenRead(_file);
        if (!PcapFile.TryRead(stream, out var capture, out string error)) throw new InvalidDataException($"{_file}: {error} ({Summary})");
        return capture!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        if (File.Exists(_file)) File.Delete(_file);
    }
}

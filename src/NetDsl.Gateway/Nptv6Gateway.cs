using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetDsl.Gateway.DataPaths;
using NetDsl.Gateway.Linux;
using NetDsl.Gateway.Translation;

namespace NetDsl.Gateway;

/// <summary>
/// A running NPTv6 gateway: the data path opened (<see cref="TunDataPath"/> or <see cref="NfQueueDataPath"/>) in the
/// calling thread's network namespace, one reader thread per TUN queue (or one for the NFQUEUE socket), each moving
/// batches through the translators' batch entry point. <see cref="Stop"/> wakes and joins the readers and closes
/// everything; a non-persistent TUN device disappears with its routes.
/// </summary>
public sealed class Nptv6Gateway : IDisposable
{
    private readonly List<PacketReader> _readers;
    private readonly WakeEvent _wake;
    private readonly IDisposable? _device;
    private readonly IcmpErrorSocket? _icmp;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _stopped;

    private Nptv6Gateway(Nptv6GatewayOptions options, List<PacketReader> readers, WakeEvent wake, IDisposable? device, IcmpErrorSocket? icmp)
    {
        Options = options;
        _readers = readers;
        _wake = wake;
        _device = device;
        _icmp = icmp;
    }

    public Nptv6GatewayOptions Options { get; }

    /// <summary>Opens the data path and starts the readers. <see cref="GatewayException"/> says what is missing (root, a module, a free name).</summary>
    public static Nptv6Gateway Start(Nptv6GatewayOptions options)
    {
        if (!OperatingSystem.IsLinux()) throw new GatewayException("the NPTv6 gateway runs on Linux only (TUN devices and netfilter queues)");
        if (options.Validate() is { } problem) throw new GatewayException(problem);
        // Resolve every libc call now: the first call of a P/Invoke loads and looks up its library, which allocates, and
        // a rarely taken path (a raw send, a Parameter Problem) would otherwise do that mid-traffic.
        System.Runtime.InteropServices.Marshal.PrelinkAll(typeof(Native));
        var wake = new WakeEvent();
        var readers = new List<PacketReader>();
        IDisposable? device = null;
        IcmpErrorSocket? icmp = null;
        try
        {
            if (options.ParameterProblems) icmp = IcmpErrorSocket.Open();
            switch (options.DataPath)
            {
                case TunDataPath tun:
                    var queues = TunQueues.Create(tun.Device, tun.Queues, tun.Mtu);
                    device = queues;
                    for (int q = 0; q < queues.Fds.Count; q++)
                        readers.Add(new TunReader(queues.Fds[q], q, tun, new BatchTranslation(options.Mappings, options.BatchSize), icmp, wake));
                    break;
                case NfQueueDataPath nfqueue:
                    var socket = NfQueueSocket.Open(new[] { nfqueue.OutboundQueue, nfqueue.InboundQueue }, NfQueueReader.MaxPayload, queueLength: 4096);
                    readers.Add(new NfQueueReader(socket, nfqueue, new BatchTranslation(options.Mappings, options.BatchSize), icmp, wake));
                    break;
                case XdpDataPath xdp:
                    readers.Add(new XdpReader(xdp, new BatchTranslation(options.Mappings, options.BatchSize), icmp, wake));
                    break;
                default:
                    throw new GatewayException("unknown data path " + options.DataPath);
            }
        }
        catch
        {
            foreach (var reader in readers) reader.Dispose();
            device?.Dispose();
            icmp?.Dispose();
            wake.Dispose();
            throw;
        }
        var gateway = new Nptv6Gateway(options, readers, wake, device, icmp);
        foreach (var reader in readers) reader.Start();
        return gateway;
    }

    public Nptv6GatewayStats Stats => GatewayCounters.Sum(_readers.Select(r => r.Counters).ToArray(), _clock.Elapsed);

    /// <summary>The first reader that stopped on an error of its own (the device vanished, a socket broke), or null.</summary>
    public Exception? Failure => _readers.Select(r => r.Failure).FirstOrDefault(f => f is not null);

    /// <summary>True while every reader runs.</summary>
    public bool IsRunning => !_stopped && _readers.All(r => r.IsAlive);

    /// <summary>Stops the readers (immediately: they are woken) and closes the data path. Idempotent.</summary>
    public void Stop()
    {
        if (_stopped) return;
        _stopped = true;
        foreach (var reader in _readers) reader.RequestStop();
        _wake.Signal();
        foreach (var reader in _readers) reader.Join(TimeSpan.FromSeconds(5));
        foreach (var reader in _readers) reader.Dispose();
        _device?.Dispose();
        _icmp?.Dispose();
        _wake.Dispose();
    }

    public void Dispose() => Stop();
}

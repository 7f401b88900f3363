using System;
using System.Threading;
using NetDsl.Gateway.Linux;

namespace NetDsl.Gateway;

/// <summary>
/// One reader thread: it owns its descriptors, buffers and counters, and loops read batch → translate → send until
/// stopped. A fatal error (the device vanished, the socket broke) ends the thread and is kept for the gateway to report.
/// </summary>
internal abstract class PacketReader : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _allocationBaseline = -1;

    protected PacketReader(string name, WakeEvent wake)
    {
        Wake = wake;
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
    }

    public GatewayCounters Counters { get; } = new();

    public Exception? Failure { get; private set; }

    protected WakeEvent Wake { get; }

    protected bool Stopping => _stopping;

    public void Start() => _thread.Start();

    public void RequestStop() => _stopping = true;

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    public bool IsAlive => _thread.IsAlive;

    private void Loop()
    {
        try
        {
            while (!_stopping)
            {
                if (!RunBatch()) continue;
                TrackAllocations();
            }
        }
        catch (Exception e)
        {
            Failure = e;
        }
    }

    /// <summary>Reads one batch and handles it; false when there was nothing to read (after waiting for the descriptors or the wake event).</summary>
    protected abstract bool RunBatch();

    // The first batches run code for the first time (type loading, runtime stubs: a few dozen bytes once, on the first
    // translated packet of each kind): measure from the end of the warm-up.
    private const int WarmUpBatches = 16;
    private int _batches;

    private void TrackAllocations()
    {
        long now = GC.GetAllocatedBytesForCurrentThread();
        if (++_batches == WarmUpBatches) _allocationBaseline = now;
        else if (_allocationBaseline >= 0) Volatile.Write(ref Counters.AllocatedBytes, now - _allocationBaseline);
    }

    public abstract void Dispose();
}

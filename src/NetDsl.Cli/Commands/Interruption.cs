using System;
using System.Runtime.InteropServices;
using System.Linq;
using System.Threading;

namespace NetDsl.Cli.Commands;

/// <summary>
/// SIGINT and SIGTERM during a command that changes things: the first one only asks to stop (the token), so the
/// command finishes its current step, reports what was and was not done and exits 130 (SIGINT) or 143 (SIGTERM);
/// a second one terminates at once, as a user pressing Ctrl+C twice expects.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public Interruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(Register).ToArray();
    }

    public CancellationToken Token => _source.Token;

    public bool Happened => Volatile.Read(ref _signal) != 0;

    /// <summary>130 after SIGINT, 143 after SIGTERM (128 + the signal's number, as shells report it).</summary>
    public int ExitCode => Volatile.Read(ref _signal) == 2 ? 130 : 143;

    public string Name => Volatile.Read(ref _signal) == 2 ? "SIGINT" : "SIGTERM";

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        int number = signal == PosixSignal.SIGINT ? 2 : 15;
        // First signal: stop at the next safe point. A second: the default action (terminate).
        if (Interlocked.CompareExchange(ref _signal, number, 0) != 0) return;
        context.Cancel = true;
        _source.Cancel();
    });

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
    }
}

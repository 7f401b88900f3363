using System;

namespace NetDsl.Fuzz.Targets;

/// <summary>
/// One fuzz target: a name (what fuzz.sh and the corpus folder are called) and what it does with one input.
/// A target throws when NetDsl breaks a promise on that input — an exception escaping, an internal error reported
/// as a diagnostic, a file that `check` accepts and `emit` refuses — so afl-fuzz records the input as a crash.
/// </summary>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run)
{
    public override string ToString() => Name;
}

/// <summary>A broken promise found by a target (the message says which), as distinct from a bug that threw by itself.</summary>
public sealed class FuzzFinding : Exception
{
    public FuzzFinding(string message) : base(message) { }
}

using System.IO;

namespace NetDsl.Cli;

/// <summary>Where commands write: injected so tests can capture output without touching Console.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// Set when <see cref="Error"/> is a terminal that can redraw lines in place (progress of several hosts); null
    /// (the default, and always for a test's writers) means plain lines.
    /// </summary>
    public Terminal? ErrorTerminal { get; init; }
}

/// <summary>Exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;          // diagnostics with errors, failed checks, differing files
    public const int ChangesPending = 2;   // `plan`: like terraform plan -detailed-exitcode
    public const int Usage = 64;           // bad arguments, unreadable files
    public const int Internal = 70;
}

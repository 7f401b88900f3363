using System;

namespace NetDsl.Cli;

/// <summary>
/// A terminal a command may redraw lines on in place (ANSI cursor movement), and its size. Null on
/// <see cref="CliConsole.ErrorTerminal"/> means plain lines only: not a terminal (a file, a pipe, a CI log), TERM
/// unset or "dumb", or a test's writer.
/// </summary>
/// <param name="Width">Columns, asked at every frame (the terminal may be resized); lines longer are cut so none wraps.</param>
/// <param name="Height">Rows: a block taller than the screen cannot be redrawn in place (the cursor stops at the top).</param>
public sealed record Terminal(Func<int> Width, Func<int> Height)
{
    /// <summary>Used when the terminal does not say how wide it is (a pseudo-terminal with no size set).</summary>
    public const int DefaultWidth = 80;

    /// <summary>Used when the terminal does not say how tall it is.</summary>
    public const int DefaultHeight = 24;

    /// <summary>The process's standard error, when it is a terminal that can redraw (see <see cref="Detect"/>).</summary>
    public static Terminal? ForStandardError() =>
        Detect(SafeIsErrorRedirected(), Environment.GetEnvironmentVariable, () => Safe(() => Console.WindowWidth), () => Safe(() => Console.WindowHeight));

    /// <summary>
    /// The decision, with its inputs injected: a terminal (not redirected) whose TERM is set and is not "dumb" (the
    /// conventional way to say "no cursor movement"). The size: the window's when positive, else COLUMNS and LINES,
    /// else <see cref="DefaultWidth"/> × <see cref="DefaultHeight"/>.
    /// </summary>
    public static Terminal? Detect(bool redirected, Func<string, string?> environment, Func<int> windowWidth, Func<int>? windowHeight = null)
    {
        if (redirected) return null;
        string? term = environment("TERM");
        if (string.IsNullOrWhiteSpace(term) || term.Trim() == "dumb") return null;
        int Size(Func<int>? window, string variable, int fallback)
        {
            int size = window?.Invoke() ?? 0;
            if (size > 0) return size;
            return int.TryParse(environment(variable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
                   && n > 0 ? n : fallback;
        }
        return new Terminal(() => Size(windowWidth, "COLUMNS", DefaultWidth), () => Size(windowHeight, "LINES", DefaultHeight));
    }

    private static bool SafeIsErrorRedirected()
    {
        try
        {
            return Console.IsErrorRedirected;
        }
        catch (Exception e) when (e is System.IO.IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static int Safe(Func<int> size)
    {
        try
        {
            return size();
        }
        catch (Exception e) when (e is System.IO.IOException or PlatformNotSupportedException or InvalidOperationException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

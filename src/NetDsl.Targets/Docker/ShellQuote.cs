using System.Linq;

namespace NetDsl.Targets.Docker;

/// <summary>POSIX shell quoting: safe words stay bare, everything else is single-quoted ('\'' for a quote).</summary>
public static class ShellQuote
{
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@+%".IndexOf(c) >= 0)
            ? value
            : "'" + value.Replace("'", "'\\''") + "'";
}

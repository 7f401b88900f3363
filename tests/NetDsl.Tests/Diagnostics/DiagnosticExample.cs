using System.Collections.Generic;

namespace NetDsl.Tests.Diagnostics;

/// <summary>
/// A documented diagnostic: a bad file whose ⟦marked⟧ text is exactly the span reported, and the good file
/// that fixes it. docs/diagnostics.md is generated from these (and tested against them), so the docs can
/// never show an example that does not behave as described.
/// </summary>
public sealed record DiagnosticExample(string Id, string Bad, string Good, IReadOnlyDictionary<string, string>? Overrides = null)
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    public string BadText => Bad.Replace(Open.ToString(), "").Replace(Close.ToString(), "");

    /// <summary>Start and length of the marked span in <see cref="BadText"/>.</summary>
    public (int Start, int Length) MarkedSpan
    {
        get
        {
            int open = Bad.IndexOf(Open);
            int close = Bad.IndexOf(Close);
            return (open, close - open - 1);
        }
    }

    public override string ToString() => Id;
}

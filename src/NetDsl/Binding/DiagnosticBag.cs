using System.Collections.Generic;
using NetDsl.Diagnostics;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>Collects the binder's diagnostics.</summary>
internal sealed class DiagnosticBag
{
    public List<NetDslDiagnostic> Items { get; } = new();

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDefinition descriptor, SourceSpan span, params object?[] args)
    {
        var d = NetDslDiagnostic.Create(descriptor, span, args);
        Add(d);
    }

    public void Add(NetDslDiagnostic d)
    {
        if (d.Severity == Severity.Error) HasErrors = true;
        Items.Add(d);
    }
}

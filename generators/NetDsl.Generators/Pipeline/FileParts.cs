using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Generators.Pipeline;

/// <summary>What a part of a generated file holds.</summary>
internal enum PartKind
{
    /// <summary>The file class: small categories, the model, the plans, parameters, frames, diagnostics.</summary>
    Main,
    Networks,
    Containers,
    ApplySteps,
    VerifyFacts,
}

/// <summary>What every part of one file shares, and nothing that moves when the file is edited.</summary>
internal sealed record PartContext(string Namespace, string ClassName, string SourcePath, Emit.RecordStyle Style);

/// <summary>
/// One value of a part: a network, a container, a plan step or a fact. In a split file its spans are relative to
/// its frame (<see cref="Framed"/>; the frame is in the main part), so it compares equal after an edit that only
/// moved it. <see cref="Member"/> is the typed member it becomes (networks and containers).
/// </summary>
internal sealed record PartItem(object Value, string? Member, bool Framed);

/// <summary>A record inside a plan step that is written as a reference to its typed member (<c>Containers.Cnt01</c>).</summary>
internal sealed record NamedValue(object Value, string Expression);

/// <summary>
/// A slice of one category or plan list (<see cref="FileParts.PartSize"/> values at most). Position-free: an edit
/// elsewhere in the file leaves it equal, so Roslyn keeps its generated source (and syntax tree) as they were.
/// </summary>
internal sealed record ListPart(PartKind Kind, int Index, EquatableArray<PartItem> Items, EquatableArray<NamedValue> References)
{
    /// <summary>The method that returns the slice (<c>_Part3</c> in the category class, <c>_ApplyStepsPart3</c> in the file class).</summary>
    public string Method => Kind is PartKind.Networks or PartKind.Containers
        ? "_Part" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "_" + Kind + "Part" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The frames array for the slice's items, in the main part.</summary>
    public string Frames => "_Frames." + Kind + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The main part: the compiled file, the plans without their steps and facts (those are in the list parts), which
/// list parts exist, their frames, and the parts written inline (a small file).
/// </summary>
internal sealed record MainPart(
    CompiledFile File,
    NetDsl.Planning.ApplyPlan ApplyHeader,
    NetDsl.Planning.VerifyPlan VerifyHeader,
    EquatableArray<PartCount> Parts,
    EquatableArray<PartFrames> Frames,
    EquatableArray<ListPart> Inline);

internal sealed record PartCount(PartKind Kind, int Count);

/// <summary>Where the values of one list part start in the file (null for a value without spans).</summary>
internal sealed record PartFrames(string Name, EquatableArray<SpanFrame?> Frames);

/// <summary>One generated source of a .netdsl file: its main part (with the diagnostics) or a list part.</summary>
internal sealed record FilePart(string HintName, PartContext Context, MainPart? Main, ListPart? List, EquatableArray<ReportedDiagnostic> Diagnostics);

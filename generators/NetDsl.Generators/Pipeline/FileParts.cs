using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Generators.Pipeline;

/// <summary>What a part of a generated file holds.</summary>
internal enum PartKind
{
    /// <summary>The file class: small categories, the model, the plans' outlines, parameters, diagnostics.</summary>
    Main,
    Networks,
    Containers,
}

/// <summary>What every part of one file shares, and nothing that moves when the file is edited.</summary>
internal sealed record PartContext(string Namespace, string ClassName, string SourcePath, Emit.RecordStyle Style);

/// <summary>
/// One network or container of a part, and its typed member. Its spans are relative to its statement, so it compares
/// equal after an edit that only moved it. <see cref="Host"/> is the Docker host whose plans it adds pieces to
/// (<see cref="HostIndex"/> in the model's hosts), or null for a container with no network.
/// </summary>
internal sealed record PartItem(object Value, string Member, string? Host, int HostIndex);

/// <summary>
/// A slice of the networks or containers (<see cref="PartPlanner.PartSize"/> at most), with their plan pieces.
/// Position-free: an edit elsewhere in the file leaves it equal, so Roslyn keeps its generated source (and syntax tree).
/// </summary>
internal sealed record ListPart(PartKind Kind, int Index, EquatableArray<PartItem> Items)
{
    /// <summary>The method of the category class that returns the slice.</summary>
    public string Method => MethodOf(Index);

    /// <summary>The method of the category class that returns the slice's <paramref name="piece"/> for one host.</summary>
    public string PieceMethod(PlanPiece piece, int hostIndex) => PieceMethodOf(Index, piece, hostIndex);

    public static string MethodOf(int index) => "_Part" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PieceMethodOf(int index, PlanPiece piece, int hostIndex) =>
        MethodOf(index) + "_" + piece + "_" + hostIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Which hosts a list part has items on (its piece methods), by index in the model's hosts.</summary>
internal sealed record PartHosts(PartKind Kind, int Index, EquatableArray<int> Hosts);

/// <summary>
/// The main part: the compiled file, the plans as outlines (fixed runs here, pieces in the list parts), which list
/// parts exist and on which hosts, and the parts written inline (a small file).
/// </summary>
internal sealed record MainPart(
    CompiledFile File,
    ApplyPlan ApplyHeader,
    VerifyPlan VerifyHeader,
    EquatableArray<PlanSegment<ApplyStep>> ApplyOutline,
    EquatableArray<PlanSegment<VerifyFact>> VerifyOutline,
    EquatableArray<PartHosts> Parts,
    EquatableArray<ListPart> Inline);

/// <summary>One generated source of a .netdsl file: its main part (with the diagnostics) or a list part.</summary>
internal sealed record FilePart(string HintName, PartContext Context, MainPart? Main, ListPart? List, EquatableArray<ReportedDiagnostic> Diagnostics);

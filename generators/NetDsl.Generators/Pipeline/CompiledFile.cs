using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Generators.Pipeline;

/// <summary>
/// The core's verdict on one file: the bound model (null when there are errors) and its diagnostics, the layout that
/// places their statement-relative spans in the file, plus the C# class name the file turns into. Value equality all
/// the way down (the core's records and EquatableArray), so an edit that binds to the same model leaves the emit step cached.
/// </summary>
internal sealed record CompiledFile(NetDslSource Source, string ClassName, NetworkModel? Model, EquatableArray<NetDslDiagnostic> Diagnostics,
    NetDsl.Syntax.StatementLayout Layout);

/// <summary>
/// Files that lose their class name to another file (two lab.netdsl in two folders): path → the path that
/// keeps the name. Computed from paths alone, so editing a file's text never invalidates it.
/// </summary>
internal sealed record ClassNameClashes(EquatableArray<ClassNameClash> Clashes);

internal sealed record ClassNameClash(string Path, string KeptBy, string ClassName);

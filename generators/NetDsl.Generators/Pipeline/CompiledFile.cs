using NetDsl.Diagnostics;
using NetDsl.Model;

namespace NetDsl.Generators.Pipeline;

/// <summary>
/// The core's verdict on one file: the bound model (null when there are errors) and its diagnostics, plus
/// the C# class name the file turns into. Value equality all the way down (the core's records and
/// EquatableArray), so an edit that binds to the same model leaves the emit step cached.
/// </summary>
/// <remarks><see cref="ContainerFrames"/>: when not empty, the model's containers are in their statements' frames (see
/// <see cref="NetDsl.CompilationResult.ContainerFrames"/>), so they compare equal wherever the statements moved.</remarks>
internal sealed record CompiledFile(NetDslSource Source, string ClassName, NetworkModel? Model, EquatableArray<NetDslDiagnostic> Diagnostics,
    EquatableArray<NetDsl.Text.SpanFrame> ContainerFrames = default);

/// <summary>
/// Files that lose their class name to another file (two lab.netdsl in two folders): path → the path that
/// keeps the name. Computed from paths alone, so editing a file's text never invalidates it.
/// </summary>
internal sealed record ClassNameClashes(EquatableArray<ClassNameClash> Clashes);

internal sealed record ClassNameClash(string Path, string KeptBy, string ClassName);

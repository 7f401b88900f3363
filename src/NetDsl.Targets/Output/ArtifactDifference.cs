namespace NetDsl.Targets;

/// <summary>How a folder differs from what emit would write there.</summary>
public enum DifferenceKind
{
    /// <summary>NetDsl would write the file; it does not exist.</summary>
    Missing,

    /// <summary>The file exists with other bytes.</summary>
    Changed,

    /// <summary>A file in a device folder NetDsl owns that NetDsl would not write (a stale artifact, or a hand-made file).</summary>
    Extra,
}

/// <summary>One difference, with the path relative to the output folder ('/' separators).</summary>
public sealed record ArtifactDifference(DifferenceKind Kind, string RelativePath)
{
    public override string ToString() => Describe(RelativePath);

    /// <summary>"missing: PATH", "differs: PATH" or "extra:   PATH" (aligned), for a path the reader can open.</summary>
    public string Describe(string path) => Kind switch
    {
        DifferenceKind.Missing => "missing: " + path,
        DifferenceKind.Changed => "differs: " + path,
        _ => "extra:   " + path,
    };
}

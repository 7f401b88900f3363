namespace NetDsl.Planning;

/// <summary>
/// Labels on every engine object NetDsl creates. Ownership, drift and "unrelated" are decided by these alone:
/// an object without <see cref="Source"/> was not made by NetDsl and is never modified or removed.
/// </summary>
public static class OwnershipLabels
{
    /// <summary>The .netdsl file the object was created from, by file name (<see cref="SourceName"/>).</summary>
    public const string Source = "io.netdsl.source";

    /// <summary>
    /// The label value for a source path: its file name. A full path would make the same file look like another
    /// one when run from elsewhere (and put a machine's folders into committed artifacts).
    /// </summary>
    public static string SourceName(string path)
    {
        int slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }

    /// <summary>A hash of the object's settings (<see cref="CreateNetworkStep.SettingsHash"/>): equal hash, nothing to do.</summary>
    public const string Hash = "io.netdsl.hash";
}

namespace NetDsl.Planning;

/// <summary>
/// Labels on every engine object NetDsl creates. Ownership, drift and "unrelated" are decided by these alone:
/// an object without <see cref="Source"/> was not made by NetDsl and is never modified or removed.
/// </summary>
public static class OwnershipLabels
{
    /// <summary>The .netdsl file the object was created from (as given to the compiler, normally a full path).</summary>
    public const string Source = "io.netdsl.source";

    /// <summary>A hash of the object's settings (<see cref="SettingsHash"/>): equal hash, nothing to do.</summary>
    public const string Hash = "io.netdsl.hash";
}

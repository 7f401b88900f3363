namespace NetDsl.Engines;

/// <summary>What a daemon.json key holds, as JSON and as dockerd reads it.</summary>
public enum DaemonValueKind
{
    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A JSON number without a fraction.</summary>
    Integer,

    /// <summary>Any string.</summary>
    String,

    /// <summary>A string holding ADDRESS/LENGTH (host bits allowed where dockerd allows them, as in bip).</summary>
    Cidr,

    /// <summary>A string holding one IP address.</summary>
    Address,

    /// <summary>An array of strings.</summary>
    StringList,

    /// <summary>An array of strings, each an IP address.</summary>
    AddressList,

    /// <summary>A JSON object (log-opts, runtimes, features…).</summary>
    Object,

    /// <summary>An array of {"base": PREFIX, "size": LENGTH} objects.</summary>
    AddressPools,
}

/// <summary>
/// One key of dockerd's daemon.json: its value kind, whether a reload (SIGHUP) applies it or only a restart does,
/// the Docker versions that know it (dockerd refuses to start on a key it does not know: "the following directives
/// don't match any configuration option"), and where that comes from. <see cref="Setting"/> names the setting of
/// the language's <c>daemon { }</c> block that writes the key, when NetDsl writes it.
/// </summary>
public sealed record DaemonKey(string Name, DaemonValueKind Kind, bool Reloadable, VersionRange Versions, string Source, string? Setting = null)
{
    public bool NeedsRestart => !Reloadable;

    public bool KnownOn(EngineRelease release) => release.Kind == EngineKind.Docker && Versions.Contains(release.Version);
}

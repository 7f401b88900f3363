namespace NetDsl.Engines;

/// <summary>
/// Which engine a host runs: its kind and version ("docker 28.3", "podman 4.3"). The file declares one per
/// docker-host (<c>engine</c>, default Docker 20.10); verify compares it with the engine's own answer.
/// </summary>
public readonly record struct EngineRelease(EngineKind Kind, EngineVersion Version)
{
    /// <summary>Docker 20.10: what Debian 12 ships and what the seed was written against.</summary>
    public static EngineRelease Default => new(EngineKind.Docker, new EngineVersion(20, 10));

    public static EngineRelease Docker(int major, int minor) => new(EngineKind.Docker, new EngineVersion(major, minor));

    public static EngineRelease Podman(int major, int minor) => new(EngineKind.Podman, new EngineVersion(major, minor));

    /// <summary>The kind as the language writes it: docker, podman.</summary>
    public string KindName => Kind == EngineKind.Docker ? "docker" : "podman";

    /// <summary>"Docker 28.3", "Podman 4.3": how messages name it.</summary>
    public string Title => (Kind == EngineKind.Docker ? "Docker " : "Podman ") + Version;

    /// <summary>As the language writes it: "docker 28.3".</summary>
    public override string ToString() => KindName + " " + Version;
}

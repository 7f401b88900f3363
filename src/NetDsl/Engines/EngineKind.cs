namespace NetDsl.Engines;

/// <summary>The container engines NetDsl models: Docker (moby's dockerd) and Podman (with netavark).</summary>
public enum EngineKind
{
    Docker,
    Podman,
}

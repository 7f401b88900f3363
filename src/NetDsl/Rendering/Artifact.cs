using System.Collections.Generic;
using NetDsl.Model;

namespace NetDsl.Rendering;

/// <summary>
/// One rendered file for one device: <c>dockerhost/daemon.json</c>, <c>Rdc01/Rdc01.ios</c>. Content is
/// deterministic (same model, same bytes, '\n' line ends) so artifacts can be committed and diffed.
/// </summary>
public sealed record Artifact(string Device, string FileName, string Content)
{
    public string RelativePath => Device + "/" + FileName;
}

/// <summary>A target: turns a model into artifacts. Implementations live in NetDsl.Targets and NetDsl.Docker.</summary>
public interface IArtifactRenderer
{
    /// <summary>Short name used in messages and --only filters (e.g. "ios", "panos", "daemon-json").</summary>
    string Name { get; }

    IEnumerable<Artifact> Render(NetworkModel model);
}

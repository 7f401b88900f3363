using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>
/// One rendered file for one device: <c>dockerhost/daemon.json</c>, <c>Rdc01/Rdc01.ios</c>; or, with an empty
/// <see cref="Device"/>, one file for the whole model at the top of the folder (<c>topology.md</c>). Content is
/// deterministic (same model, same bytes, '\n' line ends) so artifacts can be committed and diffed.
/// </summary>
public sealed record Artifact(string Device, string FileName, string Content)
{
    /// <summary>A file about the whole model, written at the top of the output folder.</summary>
    public static Artifact AtRoot(string fileName, string content) => new("", fileName, content);

    public bool IsAtRoot => Device.Length == 0;

    public string RelativePath => IsAtRoot ? FileName : Device + "/" + FileName;
}

/// <summary>
/// A target: turns a model into artifacts, or refuses it with diagnostics (a value the format cannot carry safely).
/// Every implementation is listed in <see cref="TargetRegistry"/>; <see cref="TargetSet.Render"/> runs them.
/// </summary>
public interface IArtifactRenderer
{
    /// <summary>Short name used in messages (e.g. "ios", "panos", "daemon-json").</summary>
    string Name { get; }

    /// <summary>The artifacts, or none with the diagnostics that refused them (<see cref="RenderResult.From"/>).</summary>
    RenderResult Render(NetworkModel model);
}

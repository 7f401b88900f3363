using System.Collections.Generic;
using NetDsl.Model;
using NetDsl.Rendering;

namespace NetDsl.Targets;

/// <summary>
/// A renderer that can refuse a model with diagnostics. <see cref="IArtifactRenderer"/> (the core contract)
/// returns artifacts only; text targets also need to say "this value cannot go into an IOS line", so they
/// implement this as well and <see cref="TargetSet"/> asks them through it.
/// </summary>
public interface ICheckedArtifactRenderer : IArtifactRenderer
{
    RenderResult RenderChecked(NetworkModel model);
}

/// <summary>
/// Base of the built-in renderers: <see cref="IArtifactRenderer.Render"/> is derived from
/// <see cref="RenderChecked"/> and yields nothing for a refused model (use <see cref="TargetSet.Render"/>
/// to learn why), so no caller can ever get a half-checked file.
/// </summary>
public abstract class CheckedArtifactRenderer : ICheckedArtifactRenderer
{
    public abstract string Name { get; }

    public abstract RenderResult RenderChecked(NetworkModel model);

    public IEnumerable<Artifact> Render(NetworkModel model)
    {
        var result = RenderChecked(model);
        return result.HasErrors ? EquatableArray<Artifact>.Empty : result.Artifacts;
    }
}

using System.Collections.Generic;
using NetDsl.Rendering;
using NetDsl.Targets;

namespace NetDsl.Cli;

/// <summary>
/// Every target `netdsl emit` renders, in one place. Add a renderer here and emit (and emit --check) picks it
/// up; the order does not matter, artifacts are sorted by path.
/// </summary>
public static class Renderers
{
    public static IReadOnlyList<IArtifactRenderer> All() => new IArtifactRenderer[]
    {
        new DaemonJsonRenderer(),
        new NftablesRenderer(),
        new IosRenderer(),
        new PanosRenderer(),
        new NetDsl.Docker.Rendering.EngineApiRenderer(),
        new NetDsl.Docker.Rendering.DockerScriptRenderer(),
    };
}

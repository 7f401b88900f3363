using System.Collections.Generic;
using NetDsl.Targets.Diagrams;
using NetDsl.Targets.Docker;

namespace NetDsl.Targets;

/// <summary>
/// Every target `netdsl emit` renders, in one place. Add a renderer here and emit (and emit --check) picks it
/// up; the order does not matter, artifacts are sorted by path.
/// </summary>
public static class TargetRegistry
{
    public static IReadOnlyList<IArtifactRenderer> All() => new IArtifactRenderer[]
    {
        new DaemonJsonRenderer(),
        new NftablesRenderer(),
        new IosRenderer(),
        new PanosRenderer(),
        new EngineApiRenderer(),
        new DockerScriptRenderer(),
        new TopologyDocumentRenderer(),
        new Nptv6GatewayUnitRenderer(),
    };
}

using System.Collections.Generic;

namespace NetDsl.Targets.Diagrams;

/// <summary>One colour per kind of box, shared by the Mermaid and DOT writers so both drawings read alike.</summary>
internal sealed record DiagramStyle(DiagramNodeKind Kind, string Class, string Fill, string Stroke)
{
    public static IReadOnlyList<DiagramStyle> All { get; } = new[]
    {
        new DiagramStyle(DiagramNodeKind.DockerHost, "host", "#dbe9fb", "#3b6eb0"),
        new DiagramStyle(DiagramNodeKind.Bridge, "bridge", "#fff1d6", "#b07a1e"),
        new DiagramStyle(DiagramNodeKind.Container, "container", "#e1f5e6", "#2f8a4c"),
        new DiagramStyle(DiagramNodeKind.ContainerGroup, "containers", "#e1f5e6", "#2f8a4c"),
        new DiagramStyle(DiagramNodeKind.Router, "router", "#eee3fa", "#7248a8"),
        new DiagramStyle(DiagramNodeKind.Zone, "zone", "#fbe3e1", "#b03b30"),
        new DiagramStyle(DiagramNodeKind.Upstream, "upstream", "#ececec", "#666666"),
        new DiagramStyle(DiagramNodeKind.ExternalHost, "external", "#ffffff", "#666666"),
        new DiagramStyle(DiagramNodeKind.Link, "link", "#ffffff", "#888888"),
    };

    public static DiagramStyle Of(DiagramNodeKind kind)
    {
        foreach (var s in All) if (s.Kind == kind) return s;
        return All[0];
    }
}

using NetDsl.Model;

namespace NetDsl.Targets.Diagrams;

/// <summary>What a box stands for; each writer picks its own shape and colour per kind.</summary>
public enum DiagramNodeKind
{
    DockerHost,
    Bridge,
    Container,
    ContainerGroup,
    Router,
    Zone,
    Upstream,
    ExternalHost,
    Link,
}

/// <summary>How an edge is drawn: a link is a cable (no direction); a policy edge is a rule from one zone to another.</summary>
public enum DiagramEdgeKind
{
    Link,
    Attachment,
    Allow,
}

/// <summary>A box: its text, one entry per line, unescaped (the writers escape for their format).</summary>
public sealed record DiagramNode(string Id, DiagramNodeKind Kind, EquatableArray<string> Lines, string? Cluster);

/// <summary>A labelled edge between two nodes; <see cref="Lines"/> may be empty.</summary>
public sealed record DiagramEdge(string From, string To, DiagramEdgeKind Kind, EquatableArray<string> Lines);

/// <summary>A frame around nodes (a Docker host with its bridges and containers, a firewall with its zones).</summary>
public sealed record DiagramCluster(string Id, string Label);

/// <summary>
/// A drawing, independent of its notation: <see cref="MermaidFlowchart"/> and <see cref="DotGraph"/> write the
/// same graph, so what the topology shows is decided once (<see cref="TopologyGraph"/>). Ids are generated
/// (<c>n0</c>, <c>c0</c>…), never names, so no name needs escaping where an id stands. Order is declaration order.
/// </summary>
public sealed record DiagramGraph(
    EquatableArray<DiagramCluster> Clusters,
    EquatableArray<DiagramNode> Nodes,
    EquatableArray<DiagramEdge> Edges);

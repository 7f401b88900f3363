using System;
using System.Collections.Generic;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>The part of a plan that comes from each network or container of a host, one after the other in model order.</summary>
internal enum PlanPiece
{
    CreateNetwork,
    CreateContainer,
    ConnectContainer,
    StartContainer,
    NetworkFields,
    ContainerFacts,
    BridgeFacts,
}

/// <summary>
/// One run of a plan: either <see cref="Fixed"/> items, or the <see cref="Piece"/> of every network or container
/// on <see cref="Host"/> in model order. A plan is its outline expanded (<see cref="PlanOutline.Expand"/>); the
/// source generator writes the outline and lets each part of a large file carry the pieces of its own networks
/// and containers, so an edit to one container re-plans that container only.
/// </summary>
internal sealed record PlanSegment<T>(EquatableArray<T> Fixed, string? Host, PlanPiece? Piece)
{
    public static PlanSegment<T> Of(IEnumerable<T> items) => new(items.ToEquatableArray(), null, null);

    public static PlanSegment<T> Each(string host, PlanPiece piece) => new(EquatableArray<T>.Empty, host, piece);

    public bool IsPerNetwork => Piece is { } piece && PlanOutline.IsPerNetwork(piece);
}

internal static class PlanOutline
{
    /// <summary>Whether a piece comes from each network (else from each container).</summary>
    public static bool IsPerNetwork(PlanPiece piece) => piece is PlanPiece.CreateNetwork or PlanPiece.NetworkFields or PlanPiece.BridgeFacts;

    /// <summary>Whether a piece is made of apply steps (else of verify facts).</summary>
    public static bool IsApply(PlanPiece piece) => piece is PlanPiece.CreateNetwork or PlanPiece.CreateContainer or PlanPiece.ConnectContainer or PlanPiece.StartContainer;

    /// <summary>The outline's items: fixed runs as they are, pieces for every network or container on the host.</summary>
    public static IEnumerable<T> Expand<T>(NetworkModel model, IEnumerable<PlanSegment<T>> outline,
        Func<PlanPiece, string, DockerNetwork, IEnumerable<T>> networkPiece, Func<PlanPiece, string, Container, IEnumerable<T>> containerPiece)
    {
        foreach (var segment in outline)
        {
            if (segment.Piece is not { } piece)
            {
                foreach (var item in segment.Fixed) yield return item;
            }
            else if (segment.IsPerNetwork)
            {
                foreach (var n in model.NetworksOn(segment.Host!))
                    foreach (var item in networkPiece(piece, segment.Host!, n)) yield return item;
            }
            else
            {
                foreach (var c in model.ContainersOn(segment.Host!))
                    foreach (var item in containerPiece(piece, segment.Host!, c)) yield return item;
            }
        }
    }

    /// <summary>The host whose plan a container belongs to (its first network's), or null when it has none.</summary>
    public static string? HostOf(Container container, IReadOnlyDictionary<string, DockerNetwork> networks) =>
        container.Attachments.Count > 0 && networks.TryGetValue(container.Attachments[0].Network, out var n) ? n.Host : null;
}

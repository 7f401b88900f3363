using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Text;

namespace NetDsl.Binding;

/// <summary>
/// What a <c>container</c> statement is bound against: the parameters' values and the networks (with no spans), so
/// that it compares equal after any edit that leaves those alone. Each container statement is bound against it on
/// its own (<see cref="ContainerDraft"/>); the source generator caches one draft per statement on that.
/// </summary>
internal sealed class ContainerEnvironment : System.IEquatable<ContainerEnvironment>
{
    private Dictionary<string, DockerNetwork>? _byName;

    /// <param name="failedNetworks">Networks declared by statements that did not bind: a container on one says nothing more.</param>
    public ContainerEnvironment(EquatableArray<NamedParameterValue> parameters, EquatableArray<DockerNetwork> networks, EquatableArray<string> failedNetworks = default)
    {
        Parameters = parameters;
        Networks = networks;
        FailedNetworks = failedNetworks;
    }

    /// <summary>Names of networks whose statements did not bind (their own errors are reported).</summary>
    public EquatableArray<string> FailedNetworks { get; }

    public EquatableArray<NamedParameterValue> Parameters { get; }

    /// <summary>The bound networks with <see cref="SourceSpan.None"/> as their spans.</summary>
    public EquatableArray<DockerNetwork> Networks { get; }

    /// <summary>The networks by name, built once (every container statement looks its networks up here).</summary>
    internal IReadOnlyDictionary<string, DockerNetwork> NetworksByName
    {
        get
        {
            var index = _byName;
            if (index is null)
            {
                index = new Dictionary<string, DockerNetwork>(System.StringComparer.Ordinal);
                foreach (var n in Networks) index[n.Name] = n;
                _byName = index;
            }
            return index;
        }
    }

    public bool Equals(ContainerEnvironment? other) =>
        other is not null && (ReferenceEquals(this, other) || (Parameters.Equals(other.Parameters) && Networks.Equals(other.Networks) && FailedNetworks.Equals(other.FailedNetworks)));

    public override bool Equals(object? obj) => Equals(obj as ContainerEnvironment);

    public override int GetHashCode() => Parameters.GetHashCode() * 31 + Networks.Count;
}

/// <summary>A parameter's value after overrides, by name.</summary>
internal sealed record NamedParameterValue(string Name, ParameterValue Value);

/// <summary>
/// One <c>container</c> statement bound on its own: everything it says, checked against the
/// <see cref="ContainerEnvironment"/>, with spans relative to the statement (so equal wherever it sits). What depends
/// on the other containers — a unique name and the predicted addresses — is settled by <see cref="Binder"/> over all
/// drafts in order.
/// </summary>
/// <param name="Name">The container's name, or null when the name itself is invalid (already reported).</param>
/// <param name="Container">The container without attachments and routes; null when the statement is dropped (reported).</param>
/// <param name="Early">What is reported whatever happens to the name.</param>
/// <param name="Late">What a container with a taken name does not report (it is not bound further).</param>
/// <param name="UsedParameters">The parameters the statement reads (after its name is accepted).</param>
/// <param name="WrittenName">The name as written, also when the name rules refuse it (then <paramref name="Name"/> is null).</param>
internal sealed record ContainerDraft(
    string? Name,
    SourceSpan NameSpan,
    Container? Container,
    EquatableArray<DraftAttachment> Attachments,
    EquatableArray<NetDslDiagnostic> Early,
    EquatableArray<NetDslDiagnostic> Late,
    EquatableArray<string> UsedParameters,
    string? WrittenName = null);

/// <summary>A network the container is on, with the addresses the file fixes on it and the span of its name in <c>on</c>.</summary>
internal sealed record DraftAttachment(string Network, IpAddress? Fixed6, IpAddress? Fixed4, SourceSpan Span);

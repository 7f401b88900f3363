using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// A connection-tracking entry as `conntrack -E` (with an <see cref="Event"/> such as NEW, UPDATE, DESTROY) or
/// `conntrack -L` prints it. The reply tuple shows a NAT: the seed's reply goes to the host's uplink address
/// (fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5) instead of the container, which is the masquerade at work.
/// </summary>
public sealed record ObservedConntrackEntry(
    string Device,
    string? Event,
    string Protocol,
    int? ProtocolNumber,
    int? Timeout,
    string? State,
    ConntrackTuple Original,
    ConntrackTuple? Reply,
    EquatableArray<string> Flags,
    CaptureLocation Location) : Observation(Device, Location)
{
    /// <summary>Source NAT: the reply is addressed to someone other than the original source.</summary>
    public bool IsSourceNatted => Reply is not null && Reply.Destination != Original.Source;
}

/// <summary>One direction of a connection: addresses, ports when the protocol has them, the other key=value fields.</summary>
public sealed record ConntrackTuple(
    CapturedAddress Source,
    CapturedAddress Destination,
    int? SourcePort,
    int? DestinationPort,
    EquatableArray<ConntrackField> Fields);

/// <summary>A key=value pair of a tuple other than the addresses and ports (icmp type, code, id…).</summary>
public sealed record ConntrackField(string Key, string Value);

namespace NetDsl.Nptv6.Packets;

/// <summary>What a packet-level translation did.</summary>
public enum Nptv6PacketOutcome
{
    /// <summary>The address was rewritten (and the embedded one too, for an ICMPv6 error about a translated flow).</summary>
    Translated,

    /// <summary>The address is not inside the rule's prefix: the rule does not apply, the packet passes unchanged.</summary>
    NotMatched,

    /// <summary>The address cannot be translated (see <see cref="Nptv6PacketResult.Address"/>): drop the packet, as RFC 6296 and Linux do.</summary>
    Drop,

    /// <summary>Not an IPv6 packet, or shorter than its header: left unchanged.</summary>
    Malformed,
}

/// <param name="Outcome">What to do with the packet.</param>
/// <param name="Address">What happened to the header address (the source outbound, the destination inbound).</param>
/// <param name="EmbeddedRewritten">An ICMPv6 error's embedded packet had its address rewritten too.</param>
public readonly record struct Nptv6PacketResult(Nptv6PacketOutcome Outcome, Nptv6Outcome Address, bool EmbeddedRewritten);

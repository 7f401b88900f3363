namespace NetDsl.Gateway.Translation;

/// <summary>What the gateway does with one packet of a batch, and why.</summary>
public enum PacketVerdict : byte
{
    /// <summary>No mapping's prefix holds the address (either direction the packet may go): the rule does not apply.</summary>
    NotMatched,

    /// <summary>The source was rewritten (inside → outside): send it on.</summary>
    TranslatedOutbound,

    /// <summary>The destination was rewritten (outside → inside): send it on.</summary>
    TranslatedInbound,

    /// <summary>The source is inside an inside prefix but cannot be translated (RFC 6296 §3.4/§3.5): drop, Parameter Problem pointing at it.</summary>
    UntranslatableSource,

    /// <summary>The destination is inside an outside prefix but cannot be translated: drop, Parameter Problem pointing at it.</summary>
    UntranslatableDestination,

    /// <summary>Not an IPv6 packet, or shorter than its header.</summary>
    Malformed,
}

/// <summary>Which way a packet of a batch may be translated.</summary>
public enum PacketDirection : byte
{
    /// <summary>Either: outbound when a mapping's inside prefix holds the source, else inbound (a TUN device carries both).</summary>
    Either,

    /// <summary>Only the source (an NFQUEUE bound where SNPT would be).</summary>
    Outbound,

    /// <summary>Only the destination (where DNPT would be).</summary>
    Inbound,
}

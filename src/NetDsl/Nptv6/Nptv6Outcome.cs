namespace NetDsl.Nptv6;

/// <summary>What happened to one address.</summary>
public enum Nptv6Outcome
{
    /// <summary>Rewritten: prefix replaced and the adjustment added to one word.</summary>
    Translated,

    /// <summary>Not inside the rule's prefix for this direction: the rule does not apply (left alone, not dropped).</summary>
    NotInPrefix,

    /// <summary>An IPv4 address: NPTv6 has nothing to say about it.</summary>
    NotIPv6,

    /// <summary>
    /// RFC 6296 §3.4: with a prefix of /48 or shorter the subnet word (bits 48-63) carries the adjustment; a subnet
    /// of 0xFFFF cannot be told apart from 0x0000 after the rewrite, so the packet is dropped.
    /// (Linux translates it anyway; see <see cref="Nptv6Compatibility.LinuxKernel"/>.)
    /// </summary>
    SubnetWordAllOnes,

    /// <summary>
    /// RFC 6296 §3.5: with a prefix longer than /48 the adjustment goes into the first interface-identifier word
    /// that is not 0xFFFF; an all-ones interface identifier has none, so the packet is dropped (Linux agrees).
    /// </summary>
    InterfaceIdentifierAllOnes,
}

namespace NetDsl.Nptv6;

/// <summary>
/// Whose rules to follow where RFC 6296 and the Linux kernel (net/ipv6/netfilter/ip6t_NPT.c) disagree.
/// They disagree in one place only: a /48-or-shorter mapping and an address whose subnet word is 0xFFFF.
/// Everything else (the adjustment, the word chosen, 0xFFFF written as 0, mixed prefix lengths, refusing
/// prefixes longer than /64 or with host bits) is the same in both modes.
/// </summary>
public enum Nptv6Compatibility
{
    /// <summary>RFC 6296: drop an address whose /48 subnet word is 0xFFFF.</summary>
    Rfc6296,

    /// <summary>
    /// Linux SNPT/DNPT: translate it anyway (0xFFFF + adjustment, which lands on the same value as subnet 0x0000,
    /// so two inside subnets share one outside subnet and the mapping stops being reversible for them).
    /// </summary>
    LinuxKernel,
}

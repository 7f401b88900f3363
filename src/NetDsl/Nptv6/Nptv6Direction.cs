namespace NetDsl.Nptv6;

/// <summary>
/// Which way a packet crosses the translator. Outbound (inside → outside, the kernel's SNPT) rewrites the source
/// address; inbound (outside → inside, DNPT) rewrites the destination.
/// </summary>
public enum Nptv6Direction
{
    Outbound,
    Inbound,
}

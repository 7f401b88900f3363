namespace NetDsl.Captures.Model;

/// <summary>
/// One rule of an nftables chain (`nft list ruleset|table|chain`), e.g. in table <c>ip6 firewalld</c>, chain
/// <c>nat_POST_public_allow</c>: <c>oifname != "lo" masquerade</c>. <see cref="Rule"/> is normalised so captures compare
/// across runs: single spaces, no <c># handle N</c> comment, counters without their changing numbers.
/// <see cref="Hook"/> is the chain's hook (postrouting…) when the chain is a base chain.
/// </summary>
public sealed record ObservedNftRule(
    string Device,
    string Family,
    string Table,
    string Chain,
    string? Hook,
    string Rule,
    int? Handle,
    CaptureLocation Location) : Observation(Device, Location)
{
    public bool IsMasquerade => (" " + Rule + " ").Contains(" masquerade ", System.StringComparison.Ordinal);
}

using NetDsl.Addressing;

namespace NetDsl.Nptv6;

/// <summary>The translated address, or why there is none (then <see cref="Address"/> is the input unchanged).</summary>
public readonly record struct Nptv6Result(Nptv6Outcome Outcome, IpAddress Address)
{
    public bool IsTranslated => Outcome == Nptv6Outcome.Translated;

    /// <summary>A short English reason, for CLI output and logs.</summary>
    public string Describe() => Outcome switch
    {
        Nptv6Outcome.Translated => "translated",
        Nptv6Outcome.NotInPrefix => "not inside the rule's prefix",
        Nptv6Outcome.NotIPv6 => "not an IPv6 address",
        Nptv6Outcome.SubnetWordAllOnes => "subnet word is 0xffff (RFC 6296 §3.4: not translatable, dropped)",
        Nptv6Outcome.InterfaceIdentifierAllOnes => "interface identifier is all ones (RFC 6296 §3.5: not translatable, dropped)",
        _ => Outcome.ToString(),
    };
}

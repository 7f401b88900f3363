using System;
using System.Text.Json.Serialization;

namespace NetDsl.Gateway;

/// <summary>
/// The gateway's counters at one moment (all readers summed). <see cref="DataPathAllocatedBytes"/> is what the readers'
/// threads allocated after their first 16 batches (the warm-up: code running for the first time allocates a few bytes
/// once): the data path allocates nothing per packet, so it does not grow however much traffic passes (tests hold it
/// to that across a burst).
/// </summary>
public sealed record Nptv6GatewayStats(
    TimeSpan Uptime,
    long Received,
    long Batches,
    long TranslatedOutbound,
    long TranslatedInbound,
    long IcmpErrorsTranslated,
    long NotMatched,
    long DroppedUntranslatable,
    long Malformed,
    long TooBig,
    long IcmpErrorsSent,
    long IcmpErrorsRateLimited,
    long SendErrors,
    int LastSendErrno,
    long DataPathAllocatedBytes)
{
    [JsonIgnore]
    public long Translated => TranslatedOutbound + TranslatedInbound;

    /// <summary>One line for logs and the CLI.</summary>
    public override string ToString() => FormattableString.Invariant(
        $"{Received} packets in {Batches} batches: {TranslatedOutbound} outbound and {TranslatedInbound} inbound translated ({IcmpErrorsTranslated} ICMPv6 errors), {DroppedUntranslatable} dropped as untranslatable ({IcmpErrorsSent} ICMPv6 errors sent, {IcmpErrorsRateLimited} rate-limited), {NotMatched} matching no mapping, {Malformed} malformed, {TooBig} too big (Packet Too Big sent), {SendErrors} send errors{(SendErrors > 0 ? " (last errno " + LastSendErrno + ")" : "")}; data path allocated {DataPathAllocatedBytes} bytes");
}

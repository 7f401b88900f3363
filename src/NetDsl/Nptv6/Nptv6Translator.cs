using System;
using NetDsl.Addressing;

namespace NetDsl.Nptv6;

/// <summary>The generic RFC 6296 translator: a checked rule plus its two precomputed <see cref="Nptv6Rewrite"/>s.</summary>
public sealed class Nptv6Translator : INptv6Translator
{
    private Nptv6Translator(Nptv6PrefixPair rule, Nptv6PrefixPairCheck check, Nptv6Compatibility compatibility)
    {
        Prefixes = rule;
        Check = check;
        Compatibility = compatibility;
        Outbound = Nptv6Rewrite.Create(rule.Inside, rule.Outside, compatibility);
        Inbound = Nptv6Rewrite.Create(rule.Outside, rule.Inside, compatibility);
    }

    public Nptv6PrefixPair Prefixes { get; }

    /// <summary>The rule's check; its warnings (mixed lengths) still apply to a translator that was created.</summary>
    public Nptv6PrefixPairCheck Check { get; }

    public Nptv6Compatibility Compatibility { get; }

    public Nptv6Rewrite Outbound { get; }

    public Nptv6Rewrite Inbound { get; }

    /// <summary>Creates a translator, or gives the check's errors. Never throws on bad prefixes.</summary>
    public static bool TryCreate(Nptv6PrefixPair rule, Nptv6Compatibility compatibility, out Nptv6Translator? translator, out Nptv6PrefixPairCheck check)
    {
        check = rule.Check();
        translator = check.IsValid ? new Nptv6Translator(rule, check, compatibility) : null;
        return translator is not null;
    }

    /// <summary>Creates a translator; throws <see cref="ArgumentException"/> listing the errors when the rule is invalid.</summary>
    public static Nptv6Translator Create(IpPrefix inside, IpPrefix outside, Nptv6Compatibility compatibility = Nptv6Compatibility.Rfc6296)
    {
        if (TryCreate(new Nptv6PrefixPair(inside, outside), compatibility, out var translator, out var check)) return translator!;
        throw new ArgumentException(string.Join(" ", check.Errors));
    }

    public Nptv6Result Translate(IpAddress address, Nptv6Direction direction) =>
        (direction == Nptv6Direction.Outbound ? Outbound : Inbound).Apply(address);

    public Nptv6Outcome Translate(ref ulong high, ref ulong low, Nptv6Direction direction) =>
        direction == Nptv6Direction.Outbound ? Outbound.Apply(ref high, ref low) : Inbound.Apply(ref high, ref low);

#if NET
    /// <summary>Translates one raw IPv6 packet in place (see <see cref="Packets.Nptv6Packet.Translate"/>).</summary>
    public Packets.Nptv6PacketResult Translate(Span<byte> packet, Nptv6Direction direction) =>
        Packets.Nptv6Packet.Translate(packet, direction == Nptv6Direction.Outbound ? Outbound : Inbound, direction);
#endif

    public Nptv6Result TranslateOutbound(IpAddress address) => Outbound.Apply(address);

    public Nptv6Result TranslateInbound(IpAddress address) => Inbound.Apply(address);

    public override string ToString() => Prefixes.ToString();
}

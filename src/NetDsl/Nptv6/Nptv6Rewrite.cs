using NetDsl.Addressing;

namespace NetDsl.Nptv6;

/// <summary>
/// One direction of an NPTv6 mapping with everything precomputed: the RFC 6296 arithmetic lives here and only
/// here. The generic translator holds two of these; a generated translator (milestone 4) can hold them as
/// <c>static readonly</c> fields, which the JIT folds into constants, and call <see cref="Apply(ref ulong, ref ulong)"/> directly.
/// </summary>
/// <param name="MatchMask">The first <c>FromLength</c> bits set: selects the prefix an address must be inside.</param>
/// <param name="MatchPrefix">The "from" prefix's top 64 bits (prefixes are at most /64, so the low half never matters).</param>
/// <param name="CopyMask">
/// The first <c>max(inside, outside length)</c> bits: what is replaced. Linux uses the longer of the two lengths
/// (ip6t_NPT.c), so with mixed lengths bits of the longer prefix overwrite subnet bits of the shorter one.
/// </param>
/// <param name="TargetPrefix">The "to" prefix's top 64 bits (zero past its own length).</param>
/// <param name="EffectiveLength">max(inside, outside length): picks the word that carries the adjustment.</param>
/// <param name="Adjustment">Σfrom −₁ Σto (RFC 6296 §3.1, over the prefixes zero-extended to 128 bits).</param>
/// <param name="DropSubnetAllOnes">RFC behaviour for a /48 subnet word of 0xFFFF (false = Linux: translate it).</param>
public readonly record struct Nptv6Rewrite(
    ulong MatchMask,
    ulong MatchPrefix,
    ulong CopyMask,
    ulong TargetPrefix,
    int EffectiveLength,
    ushort Adjustment,
    bool DropSubnetAllOnes)
{
    /// <summary>Precomputes the rewrite from one prefix to another. The prefixes must be valid (see <see cref="Nptv6PrefixPair.Check"/>).</summary>
    public static Nptv6Rewrite Create(IpPrefix from, IpPrefix to, Nptv6Compatibility compatibility)
    {
        int effective = from.Length > to.Length ? from.Length : to.Length;
        return new Nptv6Rewrite(
            MatchMask: HighMask(from.Length),
            MatchPrefix: from.Address.High & HighMask(from.Length),
            CopyMask: HighMask(effective),
            TargetPrefix: to.Address.High & HighMask(to.Length),
            EffectiveLength: effective,
            Adjustment: OnesComplement.Subtract(OnesComplement.Sum(from.Address.Mask(from.Length)), OnesComplement.Sum(to.Address.Mask(to.Length))),
            DropSubnetAllOnes: compatibility == Nptv6Compatibility.Rfc6296);
    }

    /// <summary>
    /// Rewrites an address given as its two 64-bit halves (host order, most significant first). On anything but
    /// <see cref="Nptv6Outcome.Translated"/> the halves are left unchanged.
    /// </summary>
    public Nptv6Outcome Apply(ref ulong high, ref ulong low)
    {
        if ((high & MatchMask) != MatchPrefix) return Nptv6Outcome.NotInPrefix;
        ulong newHigh = (high & ~CopyMask) | (TargetPrefix & CopyMask);

        if (EffectiveLength <= 48)
        {
            // §3.4: the subnet word, bits 48-63.
            ushort word = (ushort)newHigh;
            if (word == 0xFFFF && DropSubnetAllOnes) return Nptv6Outcome.SubnetWordAllOnes;
            newHigh = (newHigh & ~0xFFFFUL) | AddAdjustment(word);
            high = newHigh;
            return Nptv6Outcome.Translated;
        }

        // §3.5: the first interface-identifier word (bits 64-127) that is not 0xFFFF. The prefix copy above never
        // touches these words (prefixes are ≤ /64), so looking before or after it is the same; Linux looks after.
        for (int shift = 48; shift >= 0; shift -= 16)
        {
            ushort word = (ushort)(low >> shift);
            if (word == 0xFFFF) continue;
            low = (low & ~(0xFFFFUL << shift)) | ((ulong)AddAdjustment(word) << shift);
            high = newHigh;
            return Nptv6Outcome.Translated;
        }
        return Nptv6Outcome.InterfaceIdentifierAllOnes;
    }

    /// <summary>Convenience overload over <see cref="IpAddress"/>.</summary>
    public Nptv6Result Apply(IpAddress address)
    {
        if (address.IsV4) return new Nptv6Result(Nptv6Outcome.NotIPv6, address);
        ulong high = address.High, low = address.Low;
        var outcome = Apply(ref high, ref low);
        return new Nptv6Result(outcome, outcome == Nptv6Outcome.Translated ? IpAddress.V6(high, low) : address);
    }

    // word +₁ adjustment, with 0xFFFF written as 0x0000 (§3.4/§3.5: both are zero, 0 keeps 0xFFFF free as a marker).
    private ushort AddAdjustment(ushort word)
    {
        ushort sum = OnesComplement.Add(word, Adjustment);
        return sum == 0xFFFF ? (ushort)0 : sum;
    }

    /// <summary>The first <paramref name="length"/> bits of a 64-bit half set (length 0..64).</summary>
    public static ulong HighMask(int length) =>
        length <= 0 ? 0UL : length >= 64 ? ulong.MaxValue : ulong.MaxValue << (64 - length);
}

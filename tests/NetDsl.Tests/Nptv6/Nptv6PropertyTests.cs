using System;
using NetDsl.Addressing;
using NetDsl.Nptv6;
using NUnit.Framework;

namespace NetDsl.Tests.Nptv6;

/// <summary>Properties over random prefixes and addresses (fixed seeds, so a failure reproduces).</summary>
public class Nptv6PropertyTests
{
    private const int Cases = 20000;

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void For_equal_lengths_inbound_after_outbound_is_the_identity_and_the_sum_is_unchanged(int seed)
    {
        var random = new Random(seed);
        int translated = 0, dropped = 0;
        for (int i = 0; i < Cases; i++)
        {
            int length = RandomLength(random);
            var translator = Nptv6Translator.Create(RandomPrefix(random, length), RandomPrefix(random, length));
            var address = RandomAddressIn(random, translator.Prefixes.Inside);

            var outbound = translator.TranslateOutbound(address);
            if (!outbound.IsTranslated)
            {
                Assert.That(outbound.Outcome, Is.AnyOf(Nptv6Outcome.SubnetWordAllOnes, Nptv6Outcome.InterfaceIdentifierAllOnes));
                dropped++;
                continue;
            }
            translated++;
            Assert.That(translator.Prefixes.Outside.Contains(outbound.Address), Is.True, $"{address} -> {outbound.Address} via {translator}");
            Assert.That(OnesComplement.AreEquivalent(OnesComplement.Sum(outbound.Address), OnesComplement.Sum(address)), Is.True,
                $"checksum-neutral: {address} -> {outbound.Address} via {translator}");
            Assert.That(DifferingWordsAfterPrefix(address, outbound.Address, length), Is.LessThanOrEqualTo(1));

            var back = translator.TranslateInbound(outbound.Address);
            Assert.That(back.Outcome, Is.EqualTo(Nptv6Outcome.Translated));
            Assert.That(back.Address, Is.EqualTo(address), $"round trip via {translator}");
        }
        Assert.That(translated, Is.GreaterThan(Cases * 9 / 10));
    }

    [Test]
    public void Edge_words_round_trip()
    {
        var random = new Random(7);
        foreach (int length in new[] { 16, 32, 48, 52, 56, 60, 64 })
        {
            for (int i = 0; i < 500; i++)
            {
                var translator = Nptv6Translator.Create(RandomPrefix(random, length), RandomPrefix(random, length));
                var words = RandomAddressIn(random, translator.Prefixes.Inside).Words();
                // Force the carrying word to the values around the edges: 0, 0xFFFE, ~adjustment (result 0xFFFF).
                int carry = length <= 48 ? 3 : 4;
                ushort[] specials = { 0, 1, 0xFFFE, (ushort)~translator.Outbound.Adjustment };
                words[carry] = specials[i % specials.Length];
                var inside = IpAddress.FromWords(words);
                Assert.That(translator.Prefixes.Inside.Contains(inside), Is.True, "the carrying word is never part of the prefix");
                var outbound = translator.TranslateOutbound(inside);
                Assert.That(outbound.IsTranslated, Is.True, $"{inside} via {translator}");
                Assert.That(outbound.Address.Word(carry), Is.Not.EqualTo(0xFFFF), "0xFFFF is written as 0");
                Assert.That(translator.TranslateInbound(outbound.Address).Address, Is.EqualTo(inside));
            }
        }
    }

    [Test]
    public void Packed_rewrite_matches_the_address_form()
    {
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            int length = RandomLength(random);
            var translator = Nptv6Translator.Create(RandomPrefix(random, length), RandomPrefix(random, RandomLength(random)));
            var address = RandomAddressIn(random, translator.Prefixes.Inside);
            ulong high = address.High, low = address.Low;
            var outcome = translator.Translate(ref high, ref low, Nptv6Direction.Outbound);
            var result = translator.TranslateOutbound(address);
            Assert.That(outcome, Is.EqualTo(result.Outcome));
            Assert.That(IpAddress.V6(high, low), Is.EqualTo(result.Address));
        }
    }

    private static int DifferingWordsAfterPrefix(IpAddress a, IpAddress b, int length)
    {
        int count = 0;
        var wa = a.Words();
        var wb = b.Words();
        for (int i = (length + 15) / 16; i < 8; i++) if (wa[i] != wb[i]) count++;
        // A prefix ending inside a word (e.g. /52) shares that word: compare its host bits too.
        if (length % 16 != 0)
        {
            int i = length / 16;
            ushort hostMask = (ushort)((1 << (16 - length % 16)) - 1);
            if ((wa[i] & hostMask) != (wb[i] & hostMask)) count++;
        }
        return count;
    }

    internal static int RandomLength(Random random)
    {
        int[] common = { 48, 56, 64 };
        return random.Next(3) == 0 ? common[random.Next(common.Length)] : random.Next(1, 65);
    }

    internal static IpPrefix RandomPrefix(Random random, int length)
    {
        var address = IpAddress.V6(NextULong(random), NextULong(random));
        return new IpPrefix(address.Mask(length), length);
    }

    internal static IpAddress RandomAddressIn(Random random, IpPrefix prefix)
    {
        var host = IpAddress.V6(NextULong(random), NextULong(random)).HostPart(prefix.Length);
        return IpAddress.V6(prefix.Address.High | host.High, prefix.Address.Low | host.Low);
    }

    internal static ulong NextULong(Random random)
    {
        var bytes = new byte[8];
        random.NextBytes(bytes);
        return BitConverter.ToUInt64(bytes, 0);
    }
}

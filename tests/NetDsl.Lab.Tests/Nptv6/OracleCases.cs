using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Nptv6;

namespace NetDsl.Lab.Tests.Nptv6;

/// <summary>The rules and inside addresses the kernel oracle is asked about: random ones and the edge cases.</summary>
public static class OracleCases
{
    /// <summary>/48 and /64 pairs (the RFC example, the seed's gateway), /56 and /40, and both kinds of mixed lengths.</summary>
    public static IReadOnlyList<Nptv6Translator> Rules(Nptv6Compatibility compatibility) => new[]
    {
        ("fd01:203:405::/48", "2001:db8:1::/48"),
        ("fd5a:ceb9:ed8d:fe0a::/64", "2001:db8:ff00:ff66::/64"),
        ("fd10:1:2:300::/56", "2001:db8:2:300::/56"),
        ("fd40:1:200::/40", "2001:db8:700::/40"),
        ("fd20:1:2::/48", "2001:db8:4:5::/64"),
        ("fd30:1:2:3::/64", "2001:db8:6::/48"),
    }.Select(p => Nptv6Translator.Create(IpPrefix.Parse(p.Item1), IpPrefix.Parse(p.Item2), compatibility)).ToList();

    /// <summary>The word that carries the adjustment for addresses without 0xFFFF interface-identifier words.</summary>
    public static int CarryWord(Nptv6Translator translator) => translator.Outbound.EffectiveLength <= 48 ? 3 : 4;

    public static IEnumerable<(string Kind, IpAddress Address)> Addresses(Nptv6Translator translator, Random random, int randomCount)
    {
        for (int i = 0; i < randomCount; i++) yield return ("random", RandomIn(random, translator.Prefixes.Inside));
        int carry = CarryWord(translator);
        ushort adjustment = translator.Outbound.Adjustment;
        yield return ("result 0xffff written as 0", WithWord(RandomIn(random, translator.Prefixes.Inside), carry, (ushort)~adjustment));
        yield return ("carry word 0", WithWord(RandomIn(random, translator.Prefixes.Inside), carry, 0));
        yield return ("carry word 0xfffe", WithWord(RandomIn(random, translator.Prefixes.Inside), carry, 0xfffe));
        if (carry == 3)
        {
            yield return ("subnet word 0xffff", WithWord(RandomIn(random, translator.Prefixes.Inside), 3, 0xffff));
            yield return ("all-ones interface identifier under /48", AllOnesIid(RandomIn(random, translator.Prefixes.Inside)));
        }
        else
        {
            yield return ("iid word 4 0xffff (carried by word 5)", WithWord(RandomIn(random, translator.Prefixes.Inside), 4, 0xffff));
            var three = WithWord(WithWord(WithWord(RandomIn(random, translator.Prefixes.Inside), 4, 0xffff), 5, 0xffff), 6, 0xffff);
            yield return ("iid words 4-6 0xffff (carried by word 7)", WithWord(three, 7, 0x1234));
            yield return ("all-ones interface identifier", AllOnesIid(RandomIn(random, translator.Prefixes.Inside)));
        }
    }

    public static IpAddress RandomIn(Random random, IpPrefix prefix)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var host = IpAddress.FromBytes(bytes).HostPart(prefix.Length);
        var address = IpAddress.V6(prefix.Address.High | host.High, prefix.Address.Low | host.Low);
        // Keep clear of accidental 0xffff words except where a case asks for them.
        var words = address.Words();
        for (int i = 4; i < 8; i++) if (words[i] == 0xffff) words[i] = 0x1111;
        return IpAddress.FromWords(words);
    }

    public static IpAddress WithWord(IpAddress address, int index, ushort value)
    {
        var words = address.Words();
        words[index] = value;
        return IpAddress.FromWords(words);
    }

    private static IpAddress AllOnesIid(IpAddress address) => IpAddress.V6(address.High, ulong.MaxValue);
}

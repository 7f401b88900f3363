using NetDsl.Addressing;
using NetDsl.Nptv6;
using NUnit.Framework;

namespace NetDsl.Tests.Nptv6;

public class Nptv6ArithmeticTests
{
    private static IpAddress A(string text) => IpAddress.Parse(text);
    private static IpPrefix P(string text) => IpPrefix.Parse(text);

    [Test]
    public void Rfc6296_section_3_6_worked_example_with_erratum_3033()
    {
        var translator = Nptv6Translator.Create(P("FD01:0203:0405::/48"), P("2001:0DB8:0001::/48"));

        // The RFC quotes checksums (the complement of the one's-complement sum), as the Internet checksum is.
        Assert.That((ushort)~OnesComplement.Sum(A("FD01:0203:0405::")), Is.EqualTo(0xFCF5));
        Assert.That((ushort)~OnesComplement.Sum(A("2001:0DB8:0001::")), Is.EqualTo(0xD245));

        var outbound = translator.TranslateOutbound(A("FD01:0203:0405:0001::1234"));
        Assert.That(outbound.Outcome, Is.EqualTo(Nptv6Outcome.Translated));
        Assert.That(outbound.Address.ToString(), Is.EqualTo("2001:db8:1:d550::1234"));

        var inbound = translator.TranslateInbound(A("2001:0DB8:0001:D550::1234"));
        Assert.That(inbound.Address.ToString(), Is.EqualTo("fd01:203:405:1::1234"));
    }

    [Test]
    public void Translation_changes_exactly_one_word_after_the_prefix()
    {
        var translator = Nptv6Translator.Create(P("fd5a:ceb9:ed8d:fe0a::/64"), P("2001:db8:ff00:ff66::/64"));
        var inside = A("fd5a:ceb9:ed8d:fe0a:ed57:61d8:20eb:aba5");
        var result = translator.TranslateOutbound(inside).Address;

        var before = inside.Words();
        var after = result.Words();
        Assert.That(after[0..4], Is.EqualTo(new ushort[] { 0x2001, 0x0db8, 0xff00, 0xff66 }));
        Assert.That(after[4], Is.Not.EqualTo(before[4]), "a /64 mapping carries the adjustment in word 4");
        Assert.That(after[5..8], Is.EqualTo(before[5..8]));
        Assert.That(OnesComplement.AreEquivalent(OnesComplement.Sum(result), OnesComplement.Sum(inside)), Is.True);
    }

    [Test]
    public void A_48_mapping_carries_the_adjustment_in_the_subnet_word()
    {
        var translator = Nptv6Translator.Create(P("fd01:203:405::/48"), P("2001:db8:1::/48"));
        var result = translator.TranslateOutbound(A("fd01:203:405:1:aaaa:bbbb:cccc:dddd")).Address;
        Assert.That(result.Words()[4..8], Is.EqualTo(new ushort[] { 0xaaaa, 0xbbbb, 0xcccc, 0xdddd }));
        Assert.That(result.Word(3), Is.EqualTo(0xd550));
    }

    [Test]
    public void Longer_than_48_skips_interface_identifier_words_of_ffff()
    {
        var translator = Nptv6Translator.Create(P("fd00:1:2:3::/64"), P("2001:db8:0:4::/64"));
        var inside = A("fd00:1:2:3:ffff:ffff:1234:5");
        var result = translator.TranslateOutbound(inside);
        Assert.That(result.IsTranslated, Is.True);
        Assert.That(result.Address.Word(4), Is.EqualTo(0xffff));
        Assert.That(result.Address.Word(5), Is.EqualTo(0xffff));
        Assert.That(result.Address.Word(6), Is.Not.EqualTo(0x1234));
        Assert.That(result.Address.Word(7), Is.EqualTo(0x5));
        Assert.That(translator.TranslateInbound(result.Address).Address, Is.EqualTo(inside));
    }

    [Test]
    public void A_result_of_ffff_is_written_as_zero_and_maps_back()
    {
        var translator = Nptv6Translator.Create(P("fd00:1:2:3::/64"), P("2001:db8:0:4::/64"));
        // Pick the word that makes word +₁ adjustment = 0xFFFF.
        ushort word = (ushort)~translator.Outbound.Adjustment;
        var inside = IpAddress.FromWords(new ushort[] { 0xfd00, 1, 2, 3, word, 0, 0, 1 });
        var result = translator.TranslateOutbound(inside);
        Assert.That(result.Address.Word(4), Is.EqualTo(0));
        Assert.That(translator.TranslateInbound(result.Address).Address, Is.EqualTo(inside));
    }

    [Test]
    public void All_ones_interface_identifier_is_not_translatable_beyond_48()
    {
        var translator = Nptv6Translator.Create(P("fd00:1:2:3::/64"), P("2001:db8:0:4::/64"), Nptv6Compatibility.LinuxKernel);
        var result = translator.TranslateOutbound(A("fd00:1:2:3:ffff:ffff:ffff:ffff"));
        Assert.That(result.Outcome, Is.EqualTo(Nptv6Outcome.InterfaceIdentifierAllOnes));
        Assert.That(result.Address, Is.EqualTo(A("fd00:1:2:3:ffff:ffff:ffff:ffff")), "left unchanged");
    }

    [Test]
    public void Subnet_ffff_is_dropped_by_the_rfc_and_translated_by_linux()
    {
        var inside = A("fd01:203:405:ffff::1");
        var rfc = Nptv6Translator.Create(P("fd01:203:405::/48"), P("2001:db8:1::/48"));
        Assert.That(rfc.TranslateOutbound(inside).Outcome, Is.EqualTo(Nptv6Outcome.SubnetWordAllOnes));

        var linux = Nptv6Translator.Create(P("fd01:203:405::/48"), P("2001:db8:1::/48"), Nptv6Compatibility.LinuxKernel);
        var translated = linux.TranslateOutbound(inside);
        Assert.That(translated.IsTranslated, Is.True);
        // 0xFFFF and 0x0000 are both zero in one's complement: they collide on the outside.
        Assert.That(translated.Address, Is.EqualTo(linux.TranslateOutbound(A("fd01:203:405:0::1")).Address));
    }

    [Test]
    public void Addresses_outside_the_rule_prefix_are_not_translated()
    {
        var translator = Nptv6Translator.Create(P("fd01:203:405::/48"), P("2001:db8:1::/48"));
        Assert.That(translator.TranslateOutbound(A("fd01:203:406::1")).Outcome, Is.EqualTo(Nptv6Outcome.NotInPrefix));
        Assert.That(translator.TranslateInbound(A("fd01:203:405::1")).Outcome, Is.EqualTo(Nptv6Outcome.NotInPrefix));
        Assert.That(translator.TranslateOutbound(A("10.0.0.1")).Outcome, Is.EqualTo(Nptv6Outcome.NotIPv6));
    }

    [TestCase("fd00::/80", "2001:db8::/80", "longer than /64")]
    [TestCase("fd00::1/64", "2001:db8::/64", "bits set after /64")]
    [TestCase("fd00::/64", "2001:db8::1:0:0:0/48", "bits set after /48")]
    [TestCase("10.0.0.0/8", "2001:db8::/48", "IPv4")]
    public void Invalid_prefixes_are_refused_with_a_reason(string inside, string outside, string reason)
    {
        var ok = Nptv6Translator.TryCreate(new Nptv6PrefixPair(P(inside), P(outside)), Nptv6Compatibility.Rfc6296, out var translator, out var check);
        Assert.That(ok, Is.False);
        Assert.That(translator, Is.Null);
        Assert.That(check.Errors, Has.Some.Contains(reason));
    }

    [Test]
    public void Mixed_lengths_translate_as_linux_with_a_warning()
    {
        var ok = Nptv6Translator.TryCreate(new Nptv6PrefixPair(P("fd01:203:405::/48"), P("2001:db8:1:2::/64")), Nptv6Compatibility.Rfc6296, out var translator, out var check);
        Assert.That(ok, Is.True);
        Assert.That(check.Warnings, Has.Some.Contains("not reversible"));
        var inside = A("fd01:203:405:77::1");
        var result = translator!.TranslateOutbound(inside);
        // The longer (/64) prefix wins: the whole of 2001:db8:1:2 replaces fd01:203:405:77, and the adjustment
        // goes into word 4 because the effective length is 64.
        Assert.That(result.Address.High, Is.EqualTo(A("2001:db8:1:2::").High));
        Assert.That(result.Address.Word(4), Is.Not.EqualTo(0));
        Assert.That(result.Address.Word(7), Is.EqualTo(1));
    }

    [Test]
    public void Ones_complement_add_folds_the_carry()
    {
        Assert.That(OnesComplement.Add(0xFFFF, 0x0001), Is.EqualTo(0x0001));
        Assert.That(OnesComplement.Add(0x8000, 0x8000), Is.EqualTo(0x0001));
        Assert.That(OnesComplement.Subtract(0xFCF5, 0xD245), Is.EqualTo(0x2AB0));
    }
}

using System.Globalization;
using NetDsl.Model;
using NetDsl.Nptv6;

namespace NetDsl.Generators.Emit;

/// <summary>
/// One compiled translator class for one mapping: <see cref="Nptv6Rewrite.Apply(ref ulong, ref ulong)"/> with its
/// fields turned into constants, the branches that cannot apply removed (the §3.4 or §3.5 word choice is known
/// here), and a packet path that works on the address in network byte order. The values are the core's
/// (<see cref="Nptv6Rewrite.Create"/>), so the compiled class agrees with the generic translator by construction.
/// </summary>
internal sealed class Nptv6MappingEmitter
{
    private const string Ns = "global::NetDsl.Nptv6.";
    private const string Outcome = Ns + "Nptv6Outcome.";
    private const string PacketResult = Ns + "Packets.Nptv6PacketResult";
    private const string Direction = Ns + "Nptv6Direction";

    private readonly CodeWriter _w;
    private readonly string _class;
    private readonly Nptv6Mapping _mapping;
    private readonly Nptv6Rewrite _outbound;
    private readonly Nptv6Rewrite _inbound;
    private readonly string _rule;

    public Nptv6MappingEmitter(CodeWriter w, string className, Nptv6Mapping mapping, Nptv6Rewrite outbound, Nptv6Rewrite inbound, string rule)
    {
        _w = w;
        _class = className;
        _mapping = mapping;
        _outbound = outbound;
        _inbound = inbound;
        _rule = rule;
    }

    // Names of one direction's constants.
    private sealed record Side(string Name, Nptv6Rewrite Rewrite, string Match, string MatchMask, string Target, string Adjustment);

    public void Write()
    {
        var outbound = new Side("Outbound", _outbound, "InsidePrefix", "InsideMask", "OutsidePrefix", "OutboundAdjustment");
        var inbound = new Side("Inbound", _inbound, "OutsidePrefix", "OutsideMask", "InsidePrefix", "InboundAdjustment");

        _w.Line();
        _w.Line("/// <summary>The compiled translator of " + _rule + ": " + _mapping.Inside + " ↔ " + _mapping.Outside + " (RFC 6296).</summary>");
        _w.Open("public sealed class " + _class + " : " + Ns + "INptv6Translator");
        _w.Line("public static " + _class + " Instance { get; } = new " + _class + "();");
        _w.Line();
        _w.Line("private " + _class + "() { }");
        _w.Line();
        WriteConstants();
        WriteInterface();
        WriteAddressPath(outbound);
        WriteAddressPath(inbound);
        _w.Line("#if NET10_0_OR_GREATER");
        WritePacketMembers(outbound, inbound);
        _w.Line("#endif");
        _w.Line();
        _w.Line("// word +₁ adjustment (end-around carry), with 0xFFFF written as 0x0000 (RFC 6296 §3.4/§3.5). Byte order does");
        _w.Line("// not matter to a one's-complement sum (RFC 1071 §2(B)), so the packet path passes both in network order.");
        _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        _w.Open("private static ushort AddAdjustment(ushort word, ushort adjustment)");
        _w.Line("uint sum = (uint)word + adjustment;");
        _w.Line("sum = (sum & 0xFFFF) + (sum >> 16);");
        _w.Line("return sum == 0xFFFF ? (ushort)0 : (ushort)sum;");
        _w.Close();
        _w.Line();
        _w.Line("public override string ToString() => s_rule.ToString();");
        _w.Close();
    }

    private void WriteConstants()
    {
        _w.Line("// The prefixes' top 64 bits (prefixes are at most /64, so the low half never takes part), their masks, the");
        _w.Line("// bits replaced (the longer length, as Linux does) and the adjustments Σfrom −₁ Σto (RFC 6296 §3.1).");
        _w.Line("private const ulong InsidePrefix = " + CSharpLiteral.Hex(_outbound.MatchPrefix) + "; // " + _mapping.Inside);
        _w.Line("private const ulong InsideMask = " + CSharpLiteral.Hex(_outbound.MatchMask) + "; // /" + Int(_mapping.Inside.Length));
        _w.Line("private const ulong OutsidePrefix = " + CSharpLiteral.Hex(_inbound.MatchPrefix) + "; // " + _mapping.Outside);
        _w.Line("private const ulong OutsideMask = " + CSharpLiteral.Hex(_inbound.MatchMask) + "; // /" + Int(_mapping.Outside.Length));
        _w.Line("private const ulong CopyMask = " + CSharpLiteral.Hex(_outbound.CopyMask) + "; // /" + Int(_outbound.EffectiveLength));
        _w.Line("private const ushort OutboundAdjustment = " + Hex16(_outbound.Adjustment) + ";");
        _w.Line("private const ushort InboundAdjustment = " + Hex16(_inbound.Adjustment) + ";");
        _w.Line();
        _w.Line("private static readonly " + Ns + "Nptv6PrefixPair s_rule = new " + Ns + "Nptv6PrefixPair(" + ValueEmitter.Prefix(_mapping.Inside) + ", " + ValueEmitter.Prefix(_mapping.Outside) + ");");
        _w.Line("private static readonly " + Ns + "Nptv6Rewrite s_outbound = new " + Ns + "Nptv6Rewrite(InsideMask, InsidePrefix, CopyMask, OutsidePrefix, "
            + Int(_outbound.EffectiveLength) + ", OutboundAdjustment, DropSubnetAllOnes: true);");
        _w.Line("private static readonly " + Ns + "Nptv6Rewrite s_inbound = new " + Ns + "Nptv6Rewrite(OutsideMask, OutsidePrefix, CopyMask, InsidePrefix, "
            + Int(_inbound.EffectiveLength) + ", InboundAdjustment, DropSubnetAllOnes: true);");
        _w.Line();
    }

    private void WriteInterface()
    {
        _w.Line("public " + Ns + "Nptv6PrefixPair Prefixes => s_rule;");
        _w.Line();
        _w.Line("public " + Ns + "Nptv6Rewrite Outbound => s_outbound;");
        _w.Line();
        _w.Line("public " + Ns + "Nptv6Rewrite Inbound => s_inbound;");
        _w.Line();
        _w.Open("public " + Ns + "Nptv6Result Translate(global::NetDsl.Addressing.IpAddress address, " + Direction + " direction)");
        _w.Line("if (address.IsV4) return new " + Ns + "Nptv6Result(" + Outcome + "NotIPv6, address);");
        _w.Line("ulong high = address.High, low = address.Low;");
        _w.Line("var outcome = Translate(ref high, ref low, direction);");
        _w.Line("return new " + Ns + "Nptv6Result(outcome, outcome == " + Outcome + "Translated ? global::NetDsl.Addressing.IpAddress.V6(high, low) : address);");
        _w.Close();
        _w.Line();
        _w.Line("public " + Ns + "Nptv6Result TranslateOutbound(global::NetDsl.Addressing.IpAddress address) => Translate(address, " + Direction + ".Outbound);");
        _w.Line();
        _w.Line("public " + Ns + "Nptv6Result TranslateInbound(global::NetDsl.Addressing.IpAddress address) => Translate(address, " + Direction + ".Inbound);");
        _w.Line();
        _w.Line("public " + Ns + "Nptv6Outcome Translate(ref ulong high, ref ulong low, " + Direction + " direction) =>");
        _w.Line("    direction == " + Direction + ".Outbound ? TranslateOutbound(ref high, ref low) : TranslateInbound(ref high, ref low);");
        _w.Line();
    }

    /// <summary>The address form: host-order halves, as <see cref="Nptv6Rewrite.Apply(ref ulong, ref ulong)"/> with constants.</summary>
    private void WriteAddressPath(Side side)
    {
        var r = side.Rewrite;
        _w.Line("/// <summary>" + (side.Name == "Outbound" ? "Inside → outside (SNPT)" : "Outside → inside (DNPT)") + "; leaves the halves alone unless translated.</summary>");
        _w.Open("public static " + Ns + "Nptv6Outcome Translate" + side.Name + "(ref ulong high, ref ulong low)");
        WriteMatch("high", side.MatchMask, side.Match, r.MatchMask);
        string newHigh = r.CopyMask == ulong.MaxValue ? side.Target : "(high & ~CopyMask) | " + side.Target;
        if (r.EffectiveLength <= 48)
        {
            _w.Line("// §3.4 (/" + Int(r.EffectiveLength) + " ≤ /48): the subnet word, bits 48-63, carries the adjustment; 0xFFFF is not translatable.");
            _w.Line("ulong newHigh = " + newHigh + ";");
            _w.Line("ushort subnet = (ushort)newHigh;");
            _w.Line("if (subnet == 0xFFFF) return " + Outcome + "SubnetWordAllOnes;");
            _w.Line("high = (newHigh & ~0xFFFFUL) | AddAdjustment(subnet, " + side.Adjustment + ");");
        }
        else
        {
            _w.Line("// §3.5 (/" + Int(r.EffectiveLength) + " > /48): the first interface-identifier word that is not 0xFFFF (nearly always the first).");
            _w.Line("int shift = 48;");
            _w.Line("while ((ushort)(low >> shift) == 0xFFFF)");
            _w.Line("    if ((shift -= 16) < 0) return " + Outcome + "InterfaceIdentifierAllOnes;");
            _w.Line("low = (low & ~(0xFFFFUL << shift)) | ((ulong)AddAdjustment((ushort)(low >> shift), " + side.Adjustment + ") << shift);");
            _w.Line("high = " + newHigh + ";");
        }
        _w.Line("return " + Outcome + "Translated;");
        _w.Close();
        _w.Line();
    }

    private void WriteMatch(string high, string maskName, string prefixName, ulong mask)
    {
        if (mask == 0) _w.Line("// ::/0 holds every address.");
        else if (mask == ulong.MaxValue) _w.Line("if (" + high + " != " + prefixName + ") return " + Outcome + "NotInPrefix;");
        else _w.Line("if ((" + high + " & " + maskName + ") != " + prefixName + ") return " + Outcome + "NotInPrefix;");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Hex16(ushort value) => "0x" + value.ToString("X4", CultureInfo.InvariantCulture);

    internal static ulong Swap(ulong v)
    {
        ulong r = 0;
        for (int i = 0; i < 8; i++) r = (r << 8) | ((v >> (8 * i)) & 0xFF);
        return r;
    }

    internal static ushort Swap(ushort v) => (ushort)((v >> 8) | ((v & 0xFF) << 8));

    /// <summary>The packet form, in <c>#if NET10_0_OR_GREATER</c> (the core's packet API is net10.0 only).</summary>
    private void WritePacketMembers(Side outbound, Side inbound)
    {
        new Nptv6PacketPathEmitter(_w).Write(outbound.Name, outbound.Rewrite, outbound.Match, outbound.MatchMask, outbound.Target, outbound.Adjustment, embeddedOffset: 72, addressOffset: 8);
        new Nptv6PacketPathEmitter(_w).Write(inbound.Name, inbound.Rewrite, inbound.Match, inbound.MatchMask, inbound.Target, inbound.Adjustment, embeddedOffset: 56, addressOffset: 24);
        new Nptv6PacketPathEmitter(_w).WriteIcmpV6ErrorTest();
        _w.Line("// Inlined so that a caller holding the sealed class gets the specialised code in its own loop, with no call per packet.");
        _w.Line(Nptv6PacketPathEmitter.Inline);
        _w.Line("public " + PacketResult + " Translate(global::System.Span<byte> packet, " + Direction + " direction) =>");
        _w.Line("    direction == " + Direction + ".Outbound ? TranslateOutbound(packet) : TranslateInbound(packet);");
        _w.Line();
        _w.Line("/// <summary>Packets laid end to end, one direction for the whole batch (see <c>INptv6Translator.TranslateBatch</c>).</summary>");
        _w.Line("public int TranslateBatch(global::System.Span<byte> buffer, int packetLength, int count, " + Direction + " direction, global::System.Span<" + Ns + "Packets.Nptv6PacketOutcome> outcomes = default) =>");
        _w.Line("    direction == " + Direction + ".Outbound ? TranslateOutboundBatch(buffer, packetLength, count, outcomes) : TranslateInboundBatch(buffer, packetLength, count, outcomes);");
        _w.Line();
        _w.Line("/// <summary>Packets at any offsets, one direction for the whole batch (see <c>INptv6Translator.TranslateBatch</c>).</summary>");
        _w.Line("public int TranslateBatch(global::System.Span<byte> buffer, global::System.ReadOnlySpan<int> offsets, global::System.ReadOnlySpan<int> lengths, " + Direction + " direction, global::System.Span<" + Ns + "Packets.Nptv6PacketOutcome> outcomes = default) =>");
        _w.Line("    direction == " + Direction + ".Outbound ? TranslateOutboundBatch(buffer, offsets, lengths, outcomes) : TranslateInboundBatch(buffer, offsets, lengths, outcomes);");
        _w.Line();
        _w.Line("// The constants in network byte order as a native load sees them (the JIT folds IsLittleEndian).");
        foreach (var (name, value) in new[] { ("InsidePrefix", _outbound.MatchPrefix), ("InsideMask", _outbound.MatchMask), ("OutsidePrefix", _inbound.MatchPrefix), ("OutsideMask", _inbound.MatchMask), ("CopyMask", _outbound.CopyMask) })
            _w.Line("private static readonly ulong " + name + "Wire = global::System.BitConverter.IsLittleEndian ? " + CSharpLiteral.Hex(Swap(value)) + " : " + name + ";");
        foreach (var (name, value) in new[] { ("OutboundAdjustment", _outbound.Adjustment), ("InboundAdjustment", _inbound.Adjustment) })
            _w.Line("private static readonly ushort " + name + "Wire = global::System.BitConverter.IsLittleEndian ? (ushort)" + Hex16(Swap(value)) + " : " + name + ";");
    }
}

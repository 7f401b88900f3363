using System.Globalization;
using NetDsl.Nptv6;

namespace NetDsl.Generators.Emit;

/// <summary>
/// The packet path of one direction of a compiled translator: the length and version checked once, then the
/// address read and written in place as native words compared with byte-swapped constants, so no byte swap and
/// no bounds check runs per packet. Same outcomes as <c>Nptv6Packet.Translate</c>, ICMPv6 errors included.
/// </summary>
internal sealed class Nptv6PacketPathEmitter
{
    private const string Ns = "global::NetDsl.Nptv6.";
    private const string Outcome = Ns + "Nptv6Outcome.";
    private const string PacketResult = Ns + "Packets.Nptv6PacketResult";
    private const string PacketOutcome = Ns + "Packets.Nptv6PacketOutcome.";
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    private readonly CodeWriter _w;

    public Nptv6PacketPathEmitter(CodeWriter w) => _w = w;

    /// <param name="addressOffset">Where the rewritten address is: the source (8) outbound, the destination (24) inbound.</param>
    /// <param name="embeddedOffset">
    /// The embedded packet's address in an ICMPv6 error (40 + 8 + 24 or 40 + 8 + 8): that packet travelled the other
    /// way, so outbound rewrites its destination and inbound its source, as Linux does since 5.8.
    /// </param>
    public void Write(string name, Nptv6Rewrite r, string match, string matchMask, string target, string adjustment, int embeddedOffset, int addressOffset)
    {
        string what = name == "Outbound" ? "source" : "destination";
        _w.Line("/// <summary>Translates the " + what + " of a raw IPv6 packet in place (and the embedded address of an ICMPv6 error).</summary>");
        _w.Open("public static " + PacketResult + " Translate" + name + "(global::System.Span<byte> packet)");
        _w.Line("if (packet.Length < 40 || packet[0] >> 4 != 6) return new " + PacketResult + "(" + PacketOutcome + "Malformed, " + Outcome + "NotIPv6, false);");
        _w.Line("// The header is at least 40 bytes (checked above), so the unchecked reads below stay inside it.");
        _w.Line("ref byte start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(packet);");
        _w.Line("var outcome = Rewrite" + name + "(ref " + Unsafe + ".Add(ref start, " + Int(addressOffset) + "));");
        _w.Line("if (outcome != " + Outcome + "Translated)");
        _w.Line("    return new " + PacketResult + "(outcome == " + Outcome + "NotInPrefix ? " + PacketOutcome + "NotMatched : " + PacketOutcome + "Drop, outcome, false);");
        _w.Line("bool embedded = " + Ns + "Packets.Nptv6Packet.IsIcmpV6ErrorWithEmbeddedIpv6(packet)");
        _w.Line("    && Rewrite" + name + "(ref " + Unsafe + ".Add(ref start, " + Int(embeddedOffset) + ")) == " + Outcome + "Translated;");
        _w.Line("return new " + PacketResult + "(" + PacketOutcome + "Translated, " + Outcome + "Translated, embedded);");
        _w.Close();
        _w.Line();

        _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        _w.Open("private static " + Ns + "Nptv6Outcome Rewrite" + name + "(ref byte address)");
        _w.Line("ulong high = " + Unsafe + ".ReadUnaligned<ulong>(ref address);");
        if (r.MatchMask == 0) _w.Line("// ::/0 holds every address.");
        else if (r.MatchMask == ulong.MaxValue) _w.Line("if (high != " + match + "Wire) return " + Outcome + "NotInPrefix;");
        else _w.Line("if ((high & " + matchMask + "Wire) != " + match + "Wire) return " + Outcome + "NotInPrefix;");
        string newHigh = r.CopyMask == ulong.MaxValue ? target + "Wire" : "(high & ~CopyMaskWire) | " + target + "Wire";
        if (r.EffectiveLength <= 48)
        {
            _w.Line("// §3.4: the subnet word (bytes 6-7), which the prefix copy does not reach.");
            _w.Line("ref byte subnetWord = ref " + Unsafe + ".Add(ref address, 6);");
            _w.Line("ushort subnet = " + Unsafe + ".ReadUnaligned<ushort>(ref subnetWord);");
            _w.Line("if (subnet == 0xFFFF) return " + Outcome + "SubnetWordAllOnes;");
            _w.Line(Unsafe + ".WriteUnaligned(ref address, " + newHigh + ");");
            _w.Line(Unsafe + ".WriteUnaligned(ref subnetWord, AddAdjustment(subnet, " + adjustment + "Wire));");
        }
        else
        {
            _w.Line("// §3.5: the first interface-identifier word (bytes 8-15) that is not 0xFFFF.");
            _w.Line("int offset = 8;");
            _w.Line("while (" + Unsafe + ".ReadUnaligned<ushort>(ref " + Unsafe + ".Add(ref address, offset)) == 0xFFFF)");
            _w.Line("    if ((offset += 2) == 16) return " + Outcome + "InterfaceIdentifierAllOnes;");
            _w.Line("ref byte word = ref " + Unsafe + ".Add(ref address, offset);");
            _w.Line(Unsafe + ".WriteUnaligned(ref word, AddAdjustment(" + Unsafe + ".ReadUnaligned<ushort>(ref word), " + adjustment + "Wire));");
            _w.Line(Unsafe + ".WriteUnaligned(ref address, " + newHigh + ");");
        }
        _w.Line("return " + Outcome + "Translated;");
        _w.Close();
        _w.Line();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using NetDsl.Nptv6;

namespace NetDsl.Generators.Emit;

/// <summary>
/// The packet path of one direction of a compiled translator: the address read and written in place as native
/// words compared with byte-swapped constants, so no byte swap and no bounds check runs per packet. Two entry
/// points share one inlined core: <c>Translate{Direction}(Span)</c> for one packet (length checked once) and
/// <c>Translate{Direction}Batch</c> for packets laid end to end or at any offsets (bounds checked once per batch, and
/// no result struct per packet, only the outcome). Same outcomes as <c>Nptv6Packet.Translate</c>, ICMPv6 errors included.
/// </summary>
internal sealed class Nptv6PacketPathEmitter
{
    private const string Ns = "global::NetDsl.Nptv6.";
    private const string Outcome = Ns + "Nptv6Outcome.";
    private const string PacketResult = Ns + "Packets.Nptv6PacketResult";
    private const string PacketOutcomeType = Ns + "Packets.Nptv6PacketOutcome";
    private const string PacketOutcome = PacketOutcomeType + ".";
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string LittleEndian = "global::System.BitConverter.IsLittleEndian";
    internal const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

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
        _w.Line(Inline);
        _w.Open("public static " + PacketResult + " Translate" + name + "(global::System.Span<byte> packet)");
        _w.Line("ref byte start = ref " + Marshal + ".GetReference(packet);");
        _w.Line("if (packet.Length < 40 || start >> 4 != 6) return new " + PacketResult + "(" + PacketOutcome + "Malformed, " + Outcome + "NotIPv6, false);");
        _w.Line("// The header is at least 40 bytes (checked above), so the unchecked reads below stay inside it.");
        _w.Line("var outcome = Rewrite" + name + "(ref " + Unsafe + ".Add(ref start, " + Int(addressOffset) + "));");
        _w.Line("if (outcome != " + Outcome + "Translated)");
        _w.Line("    return new " + PacketResult + "(outcome == " + Outcome + "NotInPrefix ? " + PacketOutcome + "NotMatched : " + PacketOutcome + "Drop, outcome, false);");
        _w.Line("bool embedded = packet.Length >= 88 && IsIcmpV6Error(ref start)");
        _w.Line("    && Rewrite" + name + "(ref " + Unsafe + ".Add(ref start, " + Int(embeddedOffset) + ")) == " + Outcome + "Translated;");
        _w.Line("return new " + PacketResult + "(" + PacketOutcome + "Translated, " + Outcome + "Translated, embedded);");
        _w.Close();
        _w.Line();

        _w.Line("/// <summary>");
        _w.Line("/// Translates the " + what + "s of <paramref name=\"count\"/> packets of <paramref name=\"packetLength\"/> bytes laid end to end in");
        _w.Line("/// <paramref name=\"buffer\"/>, as <c>Translate" + name + "</c> would one by one; returns how many were translated and, when");
        _w.Line("/// <paramref name=\"outcomes\"/> is not empty, each packet's outcome.");
        _w.Line("/// </summary>");
        _w.Open("public static int Translate" + name + "Batch(global::System.Span<byte> buffer, int packetLength, int count, global::System.Span<" + PacketOutcomeType + "> outcomes = default)");
        _w.Line(Ns + "Packets.Nptv6Packet.CheckBatch(buffer.Length, packetLength, count, outcomes.Length);");
        _w.Open("if (packetLength < 40)");
        _w.Line("if (outcomes.Length != 0) outcomes.Slice(0, count).Fill(" + PacketOutcome + "Malformed);");
        _w.Line("return 0;");
        _w.Close();
        _w.Line("// Every packet lies inside the buffer and has a full header (both checked above, once), so the loop reads and");
        _w.Line("// writes without bounds checks and keeps only the outcome, no result per packet. Four copies of the loop, each");
        _w.Line("// with its two flags constant, so none tests them per packet: whether outcomes are recorded, and whether a");
        _w.Line("// packet can hold an ICMPv6 error and the packet it quotes (88 bytes; 64-byte packets skip that test).");
        _w.Line("ref byte packets = ref " + Marshal + ".GetReference(buffer);");
        _w.Line("ref " + PacketOutcomeType + " outcome = ref " + Marshal + ".GetReference(outcomes);");
        _w.Line("bool mayBeIcmpError = packetLength >= 88;");
        _w.Line("if (outcomes.Length != 0)");
        _w.Line("    return mayBeIcmpError ? " + name + "Loop(ref packets, packetLength, count, ref outcome, true, true) : " + name + "Loop(ref packets, packetLength, count, ref outcome, true, false);");
        _w.Line("return mayBeIcmpError ? " + name + "Loop(ref packets, packetLength, count, ref outcome, false, true) : " + name + "Loop(ref packets, packetLength, count, ref outcome, false, false);");
        _w.Close();
        _w.Line();

        _w.Line("/// <summary>");
        _w.Line("/// Translates the " + what + "s of the packets <c>buffer[offsets[i] .. offsets[i] + lengths[i]]</c> (any lengths, any");
        _w.Line("/// offsets: a ring or a burst of reads), as <c>Translate" + name + "</c> would one by one; returns how many were translated");
        _w.Line("/// and, when <paramref name=\"outcomes\"/> is not empty, each packet's outcome.");
        _w.Line("/// </summary>");
        _w.Open("public static int Translate" + name + "Batch(global::System.Span<byte> buffer, global::System.ReadOnlySpan<int> offsets, global::System.ReadOnlySpan<int> lengths, global::System.Span<" + PacketOutcomeType + "> outcomes = default)");
        _w.Line(Ns + "Packets.Nptv6Packet.CheckBatch(buffer.Length, offsets, lengths, outcomes.Length);");
        _w.Line("// Every packet lies inside the buffer (checked above, once), so the loop reads and writes without bounds checks;");
        _w.Line("// a packet shorter than a header is Malformed, and only one that can hold an ICMPv6 error and the packet it");
        _w.Line("// quotes (88 bytes) is tested for one.");
        _w.Line("ref byte start = ref " + Marshal + ".GetReference(buffer);");
        _w.Line("bool record = outcomes.Length != 0;");
        _w.Line("int translated = 0;");
        _w.Open("for (int i = 0; i < offsets.Length; i++)");
        _w.Line("int length = lengths[i];");
        _w.Line("var o = length < 40 ? " + PacketOutcome + "Malformed : " + name + "At(ref " + Unsafe + ".Add(ref start, offsets[i]), length >= 88);");
        _w.Line("if (record) outcomes[i] = o;");
        _w.Line("if (o == " + PacketOutcome + "Translated) translated++;");
        _w.Close();
        _w.Line("return translated;");
        _w.Close();
        _w.Line();

        _w.Line(Inline);
        _w.Open("private static int " + name + "Loop(ref byte packets, int packetLength, int count, ref " + PacketOutcomeType + " outcome, bool record, bool mayBeIcmpError)");
        _w.Line("int translated = 0;");
        _w.Line("nint offset = 0;");
        _w.Open("for (int i = 0; i < count; i++, offset += packetLength)");
        _w.Line("var o = " + name + "At(ref " + Unsafe + ".Add(ref packets, offset), mayBeIcmpError);");
        _w.Line("if (record) " + Unsafe + ".Add(ref outcome, i) = o;");
        _w.Line("if (o == " + PacketOutcome + "Translated) translated++;");
        _w.Close();
        _w.Line("return translated;");
        _w.Close();
        _w.Line();

        _w.Line("// One packet of a batch: its header (40 bytes) and, when mayBeIcmpError, 88 bytes are known to be there. The");
        _w.Line("// rewrite is written out here with the packet outcomes as its returns, so nothing maps one outcome to another.");
        _w.Line(Inline);
        _w.Open("private static " + PacketOutcomeType + " " + name + "At(ref byte packet, bool mayBeIcmpError)");
        _w.Line("if (packet >> 4 != 6) return " + PacketOutcome + "Malformed;");
        _w.Line("ref byte address = ref " + Unsafe + ".Add(ref packet, " + Int(addressOffset) + ");");
        WriteRewriteBody(r, match, matchMask, target, adjustment, PacketOutcome + "NotMatched", PacketOutcome + "Drop", PacketOutcome + "Drop");
        _w.Line("if (mayBeIcmpError && IsIcmpV6Error(ref packet)) Rewrite" + name + "(ref " + Unsafe + ".Add(ref packet, " + Int(embeddedOffset) + "));");
        _w.Line("return " + PacketOutcome + "Translated;");
        _w.Close();
        _w.Line();

        _w.Line(Inline);
        _w.Open("private static " + Ns + "Nptv6Outcome Rewrite" + name + "(ref byte address)");
        WriteRewriteBody(r, match, matchMask, target, adjustment, Outcome + "NotInPrefix", Outcome + "SubnetWordAllOnes", Outcome + "InterfaceIdentifierAllOnes");
        _w.Line("return " + Outcome + "Translated;");
        _w.Close();
        _w.Line();
    }

    /// <summary>
    /// The in-place rewrite of the address at <c>ref byte address</c>, up to (not including) the return of a
    /// translated address; each way out that leaves the address alone returns the given expression.
    /// </summary>
    private void WriteRewriteBody(Nptv6Rewrite r, string match, string matchMask, string target, string adjustment, string notInPrefix, string subnetAllOnes, string iidAllOnes)
    {
        _w.Line("ulong high = " + Unsafe + ".ReadUnaligned<ulong>(ref address);");
        if (r.MatchMask == 0) _w.Line("// ::/0 holds every address.");
        else if (r.MatchMask == ulong.MaxValue) _w.Line("if (high != " + match + "Wire) return " + notInPrefix + ";");
        else _w.Line("if ((high & " + matchMask + "Wire) != " + match + "Wire) return " + notInPrefix + ";");
        string newHigh = r.CopyMask == ulong.MaxValue ? target + "Wire" : "(high & ~CopyMaskWire) | " + target + "Wire";
        if (r.EffectiveLength <= 48)
        {
            _w.Line("// §3.4: the subnet word (bytes 6-7), which the prefix copy does not reach: one read and one write of the");
            _w.Line("// prefix half, the word taken from the native load (its top 16 bits on a little-endian machine).");
            _w.Line("int subnetShift = " + LittleEndian + " ? 48 : 0;");
            _w.Line("ushort subnet = (ushort)(high >> subnetShift);");
            _w.Line("if (subnet == 0xFFFF) return " + subnetAllOnes + ";");
            _w.Line("ulong newHigh = " + newHigh + ";");
            _w.Line(Unsafe + ".WriteUnaligned(ref address, (newHigh & ~(0xFFFFUL << subnetShift)) | ((ulong)AddAdjustment(subnet, " + adjustment + "Wire) << subnetShift));");
        }
        else
        {
            _w.Line("// §3.5: the first interface-identifier word (bytes 8-15) that is not 0xFFFF. Nearly always the first one: one");
            _w.Line("// compare. Otherwise found without a loop, as the first lane on the wire of ~iid that is not zero (its lowest");
            _w.Line("// on a little-endian machine, its highest on a big-endian one).");
            _w.Line("ref byte iidBytes = ref " + Unsafe + ".Add(ref address, 8);");
            _w.Line("ushort first = " + Unsafe + ".ReadUnaligned<ushort>(ref iidBytes);");
            _w.Line("if (first != 0xFFFF)");
            _w.Line("    " + Unsafe + ".WriteUnaligned(ref iidBytes, AddAdjustment(first, " + adjustment + "Wire));");
            _w.Open("else");
            _w.Line("ulong iid = " + Unsafe + ".ReadUnaligned<ulong>(ref iidBytes);");
            _w.Line("if (iid == ulong.MaxValue) return " + iidAllOnes + ";");
            _w.Line("int shift = " + LittleEndian + " ? global::System.Numerics.BitOperations.TrailingZeroCount(~iid) & ~15 : 48 - (global::System.Numerics.BitOperations.LeadingZeroCount(~iid) & ~15);");
            _w.Line("ulong word = AddAdjustment((ushort)(iid >> shift), " + adjustment + "Wire);");
            _w.Line(Unsafe + ".WriteUnaligned(ref iidBytes, (iid & ~(0xFFFFUL << shift)) | (word << shift));");
            _w.Close();
            _w.Line(Unsafe + ".WriteUnaligned(ref address, " + newHigh + ");");
        }
    }

    /// <summary>The ICMPv6-error test both directions share (once per class).</summary>
    public void WriteIcmpV6ErrorTest()
    {
        _w.Line("// Nptv6Packet.IsIcmpV6ErrorWithEmbeddedIpv6 on a packet known to hold 88 bytes: Next Header ICMPv6 (the one");
        _w.Line("// compare that settles nearly every packet), an error type (1-4) and an IPv6 packet quoted after its 8-byte header.");
        _w.Line(Inline);
        _w.Line("private static bool IsIcmpV6Error(ref byte packet) =>");
        _w.Line("    " + Unsafe + ".Add(ref packet, 6) == 58 && (uint)(" + Unsafe + ".Add(ref packet, 40) - 1) <= 3 && " + Unsafe + ".Add(ref packet, 48) >> 4 == 6;");
        _w.Line();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

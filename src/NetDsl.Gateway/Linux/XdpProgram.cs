using System.Buffers.Binary;
using System.Collections.Generic;
using NetDsl.Addressing;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// The XDP program in front of an AF_XDP socket, written out per rule: an IPv6 frame whose source (on the inside
/// interface) or destination (on the outside interface) is in one of the rule's prefixes, unicast and with a hop limit
/// above 1, goes to the socket of its receive queue; everything else — neighbour discovery, traffic for other prefixes,
/// a hop limit about to run out (the kernel answers Time Exceeded about the untranslated packet, as it would before
/// SNPT) — goes on to the kernel (XDP_PASS). The prefix test is one masked 64-bit compare per prefix, on the address's
/// top half loaded in wire order against constants swapped to match.
/// </summary>
internal static class XdpProgram
{
    private const int XdpPass = 2;
    private const int RedirectMap = 51; // bpf_redirect_map
    private const int EthernetHeader = 14;

    public static byte[] Build(int xskMap, bool matchSource, IReadOnlyList<IpPrefix> prefixes)
    {
        var a = new BpfAssembler();
        a.MovReg(6, 1);                                   // r6 = ctx (struct xdp_md)
        a.LoadWord(2, 6, 0);                              // r2 = data
        a.LoadWord(3, 6, 4);                              // r3 = data_end
        a.MovReg(4, 2);
        a.AddImm(4, EthernetHeader + 40);
        a.JumpReg(BpfAssembler.Jgt, 4, 3, "pass");        // shorter than Ethernet + IPv6 headers
        a.LoadHalf(4, 2, 12);
        a.JumpImm(BpfAssembler.Jne, 4, 0xdd86, "pass");   // EtherType 0x86dd, as a little-endian load sees it
        a.LoadByte(4, 2, EthernetHeader + 24);
        a.JumpImm(BpfAssembler.Jeq, 4, 0xff, "pass");     // multicast destination
        a.LoadByte(4, 2, EthernetHeader + 7);
        a.JumpImm(BpfAssembler.Jle, 4, 1, "pass");        // hop limit 0 or 1: the kernel's Time Exceeded
        a.LoadDouble(4, 2, (short)(EthernetHeader + (matchSource ? 8 : 24)));
        foreach (var prefix in prefixes)
        {
            ulong mask = prefix.Length == 0 ? 0 : ulong.MaxValue << (64 - prefix.Length);
            ulong wireMask = BinaryPrimitives.ReverseEndianness(mask);
            ulong wirePrefix = BinaryPrimitives.ReverseEndianness(prefix.Address.High & mask);
            if (mask == 0)
            {
                a.Jump("redirect");
                continue;
            }
            int compared = 4;
            if (mask != ulong.MaxValue)
            {
                a.MovReg(7, 4);
                a.LoadImm64(8, wireMask);
                a.AndReg(7, 8);
                compared = 7;
            }
            a.LoadImm64(5, wirePrefix);
            a.JumpReg(BpfAssembler.Jeq, compared, 5, "redirect");
        }
        a.Jump("pass");
        a.Label("redirect");
        a.LoadWord(2, 6, 16);                             // key: the receive queue
        a.LoadMapFd(1, xskMap);
        a.MovImm(3, XdpPass);                             // no socket on that queue: to the kernel
        a.CallHelper(RedirectMap);
        a.Return();
        a.Label("pass");
        a.MovImm(0, XdpPass);
        a.Return();
        return a.Assemble();
    }
}

namespace NetDsl.Pcap;

/// <summary>The link types NetDsl understands, and where the IPv6 packet starts in a frame of each.</summary>
public static class PcapLinkType
{
    public const uint Ethernet = 1;
    public const uint Raw = 101;        // LINKTYPE_RAW: IPv4 or IPv6, no link header (tcpdump on a TUN device)
    public const uint LinuxSll = 113;   // tcpdump -i any (cooked v1)
    public const uint Ipv6 = 229;       // LINKTYPE_IPV6
    public const uint LinuxSll2 = 276;  // tcpdump -i any on newer libpcap (cooked v2)

    public static bool IsSupported(uint linkType) =>
        linkType is Ethernet or Raw or LinuxSll or Ipv6 or LinuxSll2;

    /// <summary>Finds the IPv6 packet inside a frame; false for frames that do not carry IPv6.</summary>
    public static bool TryFindIpv6(uint linkType, byte[] frame, out int offset)
    {
        offset = -1;
        switch (linkType)
        {
            case Raw:
            case Ipv6:
                offset = 0;
                break;
            case Ethernet:
                if (frame.Length < 14) return false;
                int type = frame[12] << 8 | frame[13];
                offset = 14;
                if ((type == 0x8100 || type == 0x88A8) && frame.Length >= 18) // one VLAN tag
                {
                    type = frame[16] << 8 | frame[17];
                    offset = 18;
                }
                if (type != 0x86DD) return false;
                break;
            case LinuxSll:
                if (frame.Length < 16 || (frame[14] << 8 | frame[15]) != 0x86DD) return false;
                offset = 16;
                break;
            case LinuxSll2:
                if (frame.Length < 20 || (frame[0] << 8 | frame[1]) != 0x86DD) return false;
                offset = 20;
                break;
            default:
                return false;
        }
        return frame.Length >= offset + 1 && frame[offset] >> 4 == 6;
    }

    /// <summary>Finds the IPv4 or IPv6 packet inside a frame (its version in <paramref name="version"/>); false for anything else.</summary>
    public static bool TryFindIp(uint linkType, byte[] frame, out int offset, out int version)
    {
        version = 0;
        if (TryFindIpv6(linkType, frame, out offset))
        {
            version = 6;
            return true;
        }
        offset = linkType switch
        {
            Raw => 0,
            Ethernet when frame.Length >= 14 && (frame[12] << 8 | frame[13]) == 0x0800 => 14,
            Ethernet when frame.Length >= 18 && (frame[12] << 8 | frame[13]) is 0x8100 or 0x88A8 && (frame[16] << 8 | frame[17]) == 0x0800 => 18,
            LinuxSll when frame.Length >= 16 && (frame[14] << 8 | frame[15]) == 0x0800 => 16,
            LinuxSll2 when frame.Length >= 20 && (frame[0] << 8 | frame[1]) == 0x0800 => 20,
            _ => -1,
        };
        if (offset < 0 || frame.Length < offset + 20 || frame[offset] >> 4 != 4) return false;
        version = 4;
        return true;
    }
}

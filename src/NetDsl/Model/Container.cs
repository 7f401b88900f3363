using NetDsl.Addressing;
using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>A container: image, command as an explicit argument list, flags, and its network attachments.</summary>
public sealed record Container(
    string Name,
    string Image,
    EquatableArray<string> Command,
    bool Tty,
    bool Interactive,
    EquatableArray<NetworkAttachment> Attachments,
    EquatableArray<Route> PredictedRoutes,
    SourceSpan Span);

/// <summary>
/// A container's endpoint on one network, with every predicted address. <see cref="Ipv6Fixed"/> says the
/// address was written in the file; otherwise it is the prediction (::2, ::3… in declaration order), which
/// apply pins explicitly so creation order can never change it. IPv4, MAC and link-local are null ("known
/// after apply") when the network declares no IPv4 subnet. On an IPv4-only network <see cref="Ipv6"/> and
/// <see cref="PrefixLength"/> are null (no IPv6 address), and <see cref="LinkLocal"/> is the kernel's EUI-64 one only
/// where the engine leaves IPv6 on such an interface (EngineTable.Ipv4OnlyInterfaceKeepsIpv6).
/// </summary>
public sealed record NetworkAttachment(
    string Network,
    string InterfaceName,
    IpAddress? Ipv6,
    bool Ipv6Fixed,
    int? PrefixLength,
    IpAddress? Ipv4,
    MacAddress? Mac,
    IpAddress? LinkLocal,
    SourceSpan Span);

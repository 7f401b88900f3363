using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// A PAN-OS logical interface: from `show interface all` (<c>ethernet1/1.999 271 1 zUntrust vr:default 999 …</c>, one
/// address per continuation line) or from a `set` export. <see cref="Tag"/> is the VLAN tag (0 or null: untagged);
/// <see cref="Forwarding"/> the virtual router as printed (<c>vr:default</c>).
/// </summary>
public sealed record ObservedPanosInterface(
    string Device,
    string Name,
    int? Id,
    string? Vsys,
    string? Zone,
    string? Forwarding,
    int? Tag,
    EquatableArray<CapturedPrefix> Addresses,
    CaptureLocation Location) : Observation(Device, Location);

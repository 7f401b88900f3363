using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// A PAN-OS NAT rule, from the running NAT policy (<c>"nat66_NPTv6_to_internet; index: 1" { nat-type nptv6; … }</c>)
/// or a `set` export. Sources and destinations that are addresses are in <see cref="Sources"/> /
/// <see cref="Destinations"/>; anything else (<c>any</c>, address-object names) in the *Names lists.
/// <see cref="TranslatedSource"/> is the address of <c>translate-to "src: …"</c> and <see cref="TranslationKind"/>
/// its kind (static-ip, dynamic-ip-and-port…).
/// </summary>
public sealed record ObservedNatRule(
    string Device,
    string Name,
    int? Index,
    string? NatType,
    EquatableArray<string> FromZones,
    EquatableArray<string> ToZones,
    EquatableArray<CapturedPrefix> Sources,
    EquatableArray<string> SourceNames,
    EquatableArray<CapturedPrefix> Destinations,
    EquatableArray<string> DestinationNames,
    string? ToInterface,
    string? Service,
    CapturedPrefix? TranslatedSource,
    string? TranslationKind,
    CapturedPrefix? TranslatedDestination,
    CaptureLocation Location) : Observation(Device, Location);

using System;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Captures.Model;

/// <summary>
/// An address on an interface, as `ip addr` prints it: <c>inet6 fd5a:ceb9:ed8d:1::1/64 scope global tentative</c>.
/// <see cref="Flags"/> keeps the words after the scope (tentative, nodad, dynamic, noprefixroute, deprecated…):
/// a tentative address is configured but not yet usable, which a verifier may want to say.
/// </summary>
public sealed record ObservedAddress(
    string Device,
    string Interface,
    CapturedPrefix Address,
    string? Scope,
    EquatableArray<string> Flags,
    CaptureLocation Location) : Observation(Device, Location)
{
    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.Ordinal);
}

using System.Collections.Generic;
using System.Linq;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>A device of the model as a lab namespace (a Docker host's namespace is its private dockerd's).</summary>
public sealed record LabDevice(string Name, DeviceKind Kind, string Namespace);

/// <summary>One end of a veth pair.</summary>
public sealed record LabLinkEnd(string Namespace, string Interface);

/// <summary>A veth pair: a direct link between two devices, or a device's port on a switch namespace.</summary>
public sealed record LabVeth(LabLinkEnd A, LabLinkEnd B);

/// <summary>One command in one namespace, with why it is there (printed as progress and in docs/lab.md's terms).</summary>
public sealed record LabStep(string Namespace, string Why, IReadOnlyList<string> Command, string? Input = null)
{
    public override string ToString() => $"[{Namespace}] {string.Join(" ", Command)}" + (Input is null ? "" : " <<" + Input.Replace("\n", "; "));
}

/// <summary>
/// The model lowered to Linux, as data: which namespaces, which veths, the interface-name map, and the commands
/// (addresses, routes, forwarding, ip6tables) in the order they run. Pure, so the lowering is tested without root.
/// </summary>
public sealed record LabPlan(
    LabName Name,
    IReadOnlyList<LabDevice> Devices,
    IReadOnlyList<string> Switches,
    IReadOnlyList<LabVeth> Veths,
    IReadOnlyList<LabInterfaceName> Interfaces,
    IReadOnlyList<LabStep> Steps)
{
    /// <summary>NetDsl NPTv6 gateways to start once the steps have run (only with <c>--translator netdsl</c>).</summary>
    public IReadOnlyList<Translators.LabGateway> Gateways { get; init; } = System.Array.Empty<Translators.LabGateway>();

    /// <summary>Every namespace the lab creates (devices, then switches).</summary>
    public IEnumerable<string> Namespaces => Devices.Select(d => d.Namespace).Concat(Switches);

    public LabDevice? Device(string name) => Devices.FirstOrDefault(d => d.Name == name);

    /// <summary>The Linux name of a device's vendor interface, or the name itself when it was not mapped (bridges, eth0).</summary>
    public string Linux(string device, string vendor) =>
        Interfaces.FirstOrDefault(i => i.Device == device && i.Vendor == vendor)?.Linux ?? vendor;
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Model;

/// <summary>
/// The files <c>netdsl emit</c> writes at the top of its output folder, beside one folder per Docker host, router
/// and firewall. A device named like one of them would collide with it (on a case-insensitive file system too),
/// so the binder refuses such names (NDSL1501).
/// </summary>
public static class OutputNames
{
    /// <summary>The topology and path diagrams, in Markdown with Mermaid blocks.</summary>
    public const string TopologyDocument = "topology.md";

    public static IReadOnlyList<string> AtRoot { get; } = new[] { TopologyDocument };

    public static bool IsReserved(string deviceName) => AtRoot.Contains(deviceName, StringComparer.OrdinalIgnoreCase);
}

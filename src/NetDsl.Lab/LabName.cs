using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NetDsl.Lab;

/// <summary>
/// A lab's name: 6 hex digits of the .netdsl file's full path by default (two checkouts of the same example never
/// share a lab), or one the caller picks. Every namespace of the lab is <c>ndsl-NAME-DEVICE</c>, so a lab's
/// leftovers can be found by prefix without touching anyone else's namespaces.
/// </summary>
public sealed record LabName(string Short)
{
    public static LabName FromFile(string fullPath) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)))[..6]);

    /// <summary>1-8 lowercase letters or digits: short enough for namespace names and dockerd socket paths.</summary>
    public static bool IsValid(string name) => name.Length is > 0 and <= 8 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    public string Prefix => "ndsl-" + Short + "-";

    /// <summary>The namespace of a device; characters a namespace name cannot carry become '_'.</summary>
    public string Namespace(string device) => Prefix + new string(device.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    public override string ToString() => Short;
}

using System.Text.RegularExpressions;

namespace NetDsl.Naming;

/// <summary>
/// Where a PAN-OS interface lives in the configuration tree, from its name: <c>ethernet1/2.252</c> is unit
/// <c>ethernet1/2.252</c> (tag 252) under <c>network interface ethernet ethernet1/2 layer3</c>. Only the kinds
/// NetDsl can address are known; any other name is refused rather than guessed — by the binder, for every firewall of
/// dialect panos, so `check` refuses what the PAN-OS renderer could not write.
/// </summary>
public sealed record PanosInterfacePath(string Path, string? Tag)
{
    public const string KnownForms = "ethernetN/N[.TAG], aeN[.TAG], loopback[.N], tunnel[.N] or vlan[.N]";

    private static readonly Regex Physical = new(@"^(?<kind>ethernet\d+/\d+|ae\d+)(\.(?<unit>\d+))?$", RegexOptions.CultureInvariant);
    private static readonly Regex Logical = new(@"^(?<kind>loopback|tunnel|vlan)(\.(?<unit>\d+))?$", RegexOptions.CultureInvariant);

    public static PanosInterfacePath? TryCreate(string name)
    {
        var m = Physical.Match(name);
        if (m.Success)
        {
            string parent = m.Groups["kind"].Value;
            string type = parent.StartsWith("ae", System.StringComparison.Ordinal) ? "aggregate-ethernet" : "ethernet";
            string basePath = "network interface " + type + " " + parent + " layer3";
            return m.Groups["unit"].Success
                ? new PanosInterfacePath(basePath + " units " + name, m.Groups["unit"].Value)
                : new PanosInterfacePath(basePath, null);
        }
        m = Logical.Match(name);
        if (m.Success)
        {
            string basePath = "network interface " + m.Groups["kind"].Value;
            return m.Groups["unit"].Success ? new PanosInterfacePath(basePath + " units " + name, null) : new PanosInterfacePath(basePath, null);
        }
        return null;
    }
}

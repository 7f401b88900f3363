using System.Collections.Generic;
using System.Linq;
using NetDsl.Captures.Model;

namespace NetDsl.Captures.Verification;

/// <summary>How observed addresses are printed in results: as the device printed them (redactions kept), with ip flags.</summary>
internal static class AddressText
{
    public static string Of(ObservedAddress a) =>
        a.Address + (a.Flags.IsEmpty ? "" : " " + string.Join(" ", a.Flags));

    public static string List(IEnumerable<string> items, string none)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(" + none + ")" : string.Join(", ", list);
    }
}

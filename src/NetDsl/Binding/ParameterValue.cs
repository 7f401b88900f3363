using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Binding;

/// <summary>A parameter's value after overrides, typed by its kind (one of the members is set).</summary>
public sealed record ParameterValue(ParameterKind Kind, IpPrefix? Prefix = null, IpAddress? Address = null, string? Text = null,
    EquatableArray<string> List = default, long? Integer = null, bool? Boolean = null)
{
    public string Canonical => Kind switch
    {
        ParameterKind.Prefix or ParameterKind.AddressWithLength => Prefix!.Value.ToString(),
        ParameterKind.Address => Address!.Value.ToString(),
        ParameterKind.String => Text ?? "",
        ParameterKind.StringList => "[" + string.Join(", ", System.Linq.Enumerable.Select(List, s => "\"" + s + "\"")) + "]",
        ParameterKind.Integer => Integer!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Boolean == true ? "true" : "false",
    };

    public static string Describe(ParameterKind kind) => kind switch
    {
        ParameterKind.Prefix => "a prefix",
        ParameterKind.Address => "an address",
        ParameterKind.String => "a string",
        ParameterKind.StringList => "a list of strings",
        ParameterKind.Integer => "a number",
        ParameterKind.AddressWithLength => "an address with its length",
        _ => "true or false",
    };
}

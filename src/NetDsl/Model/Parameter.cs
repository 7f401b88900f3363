using NetDsl.Text;

namespace NetDsl.Model;

/// <summary>What a <c>let</c> holds. Decides how an override (<c>--set NAME=VALUE</c>) is parsed.</summary>
public enum ParameterKind
{
    Prefix,
    Address,
    String,
    StringList,
    Integer,
    Boolean,

    /// <summary>An address with its prefix length, host bits set (<c>2001:db8::5/64</c>): an interface address.</summary>
    AddressWithLength,
}

/// <summary>
/// A <c>let</c> parameter: its kind, its value after overrides (as canonical text) and the default written in
/// the file. <see cref="Overridden"/> says whether a caller replaced the default.
/// </summary>
public sealed record Parameter(string Name, ParameterKind Kind, string Value, string DefaultValue, bool Overridden, SourceSpan Span);

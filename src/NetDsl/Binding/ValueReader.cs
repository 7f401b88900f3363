using System;
using System.Globalization;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Diagnostics;
using NetDsl.Model;
using NetDsl.Syntax;

namespace NetDsl.Binding;

/// <summary>
/// Turns value nodes into typed values, resolving parameters. A value position accepts a parameter by name
/// (<c>image CNT01_IMAGE</c>) and, for addresses and prefixes, a prefix parameter composed with more groups:
///
/// <para><b>Composition rule.</b> In <c>NAME:rest</c> the parameter NAME is an IPv6 prefix of length L; it supplies
/// the first ⌊L/16⌋ groups, and <c>rest</c> is the remaining 8 − ⌊L/16⌋ groups written as in an IPv6 address
/// (<c>::</c> stands for zeros, and may also lead: <c>NAME::1</c>). A trailing <c>/len</c> makes it a prefix. With
/// ROUTINGPREFIX = 2001:db8:ff00::/48, <c>ROUTINGPREFIX:ff66::/64</c> is 2001:db8:ff00:ff66::/64 and
/// <c>ROUTINGPREFIX:ffff:192:168:1:250</c> is 2001:db8:ff00:ffff:192:168:1:250.</para>
/// <para><b>Carving.</b> When L is not a multiple of 16, the first written group shares its top L mod 16 bits with
/// NAME and may only fill the others: with DELEGATED = 2001:db8:ab00::/56, <c>DELEGATED:5::/64</c> is the sixth /64,
/// 2001:db8:ab00:5::/64, and <c>DELEGATED:100::/64</c> is refused (it would leave the /56). Composition is exact: the
/// result is always inside NAME, or an error.</para>
/// A word's first group is a parameter exactly when it is not a 1-4 digit hex word; NDSL1004 forbids
/// parameter names that are hex words, so this never depends on which parameters exist.
/// </summary>
internal sealed class ValueReader
{
    private readonly ParameterTable _parameters;
    private readonly DiagnosticBag _diagnostics;

    public ValueReader(ParameterTable parameters, DiagnosticBag diagnostics)
    {
        _parameters = parameters;
        _diagnostics = diagnostics;
    }

    /// <summary>An address with a prefix length, host bits allowed (an interface address).</summary>
    public IpPrefix? InterfaceAddress(SyntaxNode node, string what) => PrefixCore(node, what, allowHostBits: true);

    /// <summary>A network prefix; host bits are an error (NDSL2003).</summary>
    public IpPrefix? Prefix(SyntaxNode node, string what) => PrefixCore(node, what, allowHostBits: false);

    public IpAddress? Address(SyntaxNode node, string what)
    {
        if (!RequireWord(node, what)) return null;
        string text = node.Text;
        if (text.IndexOf('/') >= 0)
        {
            _diagnostics.Report(DiagnosticDefinitions.InvalidAddress, node.Span, text, what + " (without a prefix length)");
            return null;
        }
        if (TryParameter(node, out var value))
        {
            if (value.Kind == ParameterKind.Address) return value.Address;
            _diagnostics.Report(DiagnosticDefinitions.ParameterKindMismatch, node.Span, text, ParameterValue.Describe(value.Kind), "an address");
            return null;
        }
        var composed = Compose(node, text);
        if (composed.Failed) return null;
        if (composed.Text is { } expanded)
        {
            if (IpAddress.TryParse(expanded, out var a)) return a;
            _diagnostics.Report(DiagnosticDefinitions.ParameterComposition, node.Span, text, "the groups after the parameter do not form an address");
            return null;
        }
        if (IpAddress.TryParse(text, out var address)) return address;
        _diagnostics.Report(DiagnosticDefinitions.InvalidAddress, node.Span, text, what);
        return null;
    }

    public string? Text(SyntaxNode node, string what)
    {
        if (node.Kind == NodeKind.String) return node.Text;
        if (node.Kind == NodeKind.Word)
        {
            if (TryParameter(node, out var value))
            {
                if (value.Kind == ParameterKind.String) return value.Text;
                _diagnostics.Report(DiagnosticDefinitions.ParameterKindMismatch, node.Span, node.Text, ParameterValue.Describe(value.Kind), "a string");
                return null;
            }
            return node.Text;
        }
        _diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, what, "here", node.Describe());
        return null;
    }

    public EquatableArray<string>? StringList(SyntaxNode node, string what)
    {
        if (node.Kind == NodeKind.List) return node.Children.Select(c => c.Text).ToEquatableArray();
        if (node.Kind == NodeKind.Word && TryParameter(node, out var value))
        {
            if (value.Kind == ParameterKind.StringList) return value.List;
            _diagnostics.Report(DiagnosticDefinitions.ParameterKindMismatch, node.Span, node.Text, ParameterValue.Describe(value.Kind), "a list of strings");
            return null;
        }
        _diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, what, "here", node.Describe());
        return null;
    }

    public bool? Boolean(SyntaxNode node, string what)
    {
        if (node.Kind == NodeKind.Word)
        {
            if (node.Text is "true" or "false") return node.Text == "true";
            if (TryParameter(node, out var value))
            {
                if (value.Kind == ParameterKind.Boolean) return value.Boolean;
                _diagnostics.Report(DiagnosticDefinitions.ParameterKindMismatch, node.Span, node.Text, ParameterValue.Describe(value.Kind), "true or false");
                return null;
            }
        }
        _diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, "true or false", "for " + what, node.Describe());
        return null;
    }

    public int? Integer(SyntaxNode node, string what, int min, int max)
    {
        if (node.Kind == NodeKind.Word)
        {
            long? number = null;
            if (long.TryParse(node.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long n)) number = n;
            else if (TryParameter(node, out var value) && value.Kind == ParameterKind.Integer) number = value.Integer;
            if (number is { } x && x >= min && x <= max) return (int)x;
        }
        _diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, $"a number from {min} to {max}", "for " + what, node.Describe());
        return null;
    }

    /// <summary>A name in a name position: never a parameter; checked against the name rules.</summary>
    public string? Name(SyntaxNode node, string kind, bool isInterface = false)
    {
        if (node.Kind != NodeKind.Word)
        {
            _diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, "a " + kind + " name", "here", node.Describe());
            return null;
        }
        bool ok = isInterface ? NameRules.IsInterfaceName(node.Text) : NameRules.IsNodeName(node.Text);
        if (!ok)
        {
            _diagnostics.Report(DiagnosticDefinitions.InvalidName, node.Span, node.Text, kind, isInterface ? NameRules.InterfaceRule : NameRules.NodeRule);
            return null;
        }
        return node.Text;
    }

    private IpPrefix? PrefixCore(SyntaxNode node, string what, bool allowHostBits)
    {
        if (!RequireWord(node, what)) return null;
        string text = node.Text;
        IpPrefix prefix;
        if (TryParameter(node, out var value))
        {
            if (value.Kind != ParameterKind.Prefix && !(allowHostBits && value.Kind == ParameterKind.AddressWithLength))
            {
                _diagnostics.Report(DiagnosticDefinitions.ParameterKindMismatch, node.Span, text, ParameterValue.Describe(value.Kind),
                    allowHostBits ? "an address with its length" : "a prefix");
                return null;
            }
            prefix = value.Prefix!.Value;
        }
        else
        {
            var composed = Compose(node, text);
            if (composed.Failed) return null;
            string candidate = composed.Text ?? text;
            if (candidate.IndexOf('/') < 0)
            {
                _diagnostics.Report(DiagnosticDefinitions.InvalidPrefix, node.Span, text, " (" + what + " needs a /length)");
                return null;
            }
            if (!IpPrefix.TryParse(candidate, out prefix))
            {
                _diagnostics.Report(DiagnosticDefinitions.InvalidPrefix, node.Span, text, " (" + what + ")");
                return null;
            }
        }
        if (!allowHostBits && prefix.HasHostBits)
        {
            _diagnostics.Report(DiagnosticDefinitions.HostBitsSet, node.Span, text, prefix.Network.ToString());
            return null;
        }
        return prefix;
    }

    private bool RequireWord(SyntaxNode node, string what)
    {
        if (node.Kind == NodeKind.Word) return true;
        _diagnostics.Report(DiagnosticDefinitions.ExpectedToken, node.Span, what, "here", node.Describe());
        return false;
    }

    /// <summary>A whole-word parameter reference (no ':' in it).</summary>
    private bool TryParameter(SyntaxNode node, out ParameterValue value)
    {
        value = null!;
        return node.Kind == NodeKind.Word && node.Text.IndexOf(':') < 0 && _parameters.TryGet(node.Text, out value);
    }

    private readonly record struct Composition(string? Text, bool Failed);

    /// <summary>Expands <c>PARAM:groups[/len]</c> into plain address text; (null, false) when the word has no parameter.</summary>
    private Composition Compose(SyntaxNode node, string text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0) return new Composition(null, false);
        string head = text.Substring(0, colon);
        if (IpAddress.TryParseHexWord(head, out _) || head.IndexOf('.') >= 0) return new Composition(null, false);
        if (!_parameters.TryGet(head, out var value))
        {
            _diagnostics.Report(DiagnosticDefinitions.UnknownName, node.Span, "parameter", head, "");
            return new Composition(null, true);
        }
        if (value.Kind != ParameterKind.Prefix || value.Prefix!.Value.IsV4)
        {
            _diagnostics.Report(DiagnosticDefinitions.ParameterComposition, node.Span, text, head + " is " + ParameterValue.Describe(value.Kind) + ", not an IPv6 prefix");
            return new Composition(null, true);
        }
        var prefix = value.Prefix.Value;
        if (prefix.Length == 0 || prefix.Length == 128)
        {
            _diagnostics.Report(DiagnosticDefinitions.ParameterComposition, node.Span, text, head + " is a /" + prefix.Length + ", which leaves " + (prefix.Length == 0 ? "nothing of its own" : "no bits") + " to compose");
            return new Composition(null, true);
        }
        string rest = text.Substring(colon);            // ":ff66::/64" or "::1"
        string lengthPart = "";
        int slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            lengthPart = rest.Substring(slash);
            rest = rest.Substring(0, slash);
        }
        rest = rest.StartsWith("::", StringComparison.Ordinal) ? rest : rest.Substring(1);
        int own = prefix.Length / 16;
        int shared = prefix.Length % 16;    // bits of the first written group that belong to the parameter (carving)
        int remaining = 8 - own;
        var groups = ExpandGroups(rest, remaining);
        if (groups is null)
        {
            _diagnostics.Report(DiagnosticDefinitions.ParameterComposition, node.Span, text,
                $"{head} is a /{prefix.Length}, so exactly {remaining} more groups are needed (use :: for zeros)");
            return new Composition(null, true);
        }
        var words = prefix.Address.Words();
        if (shared > 0)
        {
            // The first written group shares its top bits with the parameter: the value written may use only the low
            // 16 - shared bits (a /56 leaves 8: P:0::/64 to P:ff::/64 are its 256 /64s), so the result stays inside P.
            int free = 16 - shared;
            int written = int.Parse(groups[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (written >> free != 0)
            {
                _diagnostics.Report(DiagnosticDefinitions.ParameterComposition, node.Span, text,
                    $"{head} is a /{prefix.Length}, so the group after it keeps {shared} of its bits: write a value from 0 to {((1 << free) - 1).ToString("x", CultureInfo.InvariantCulture)} there, not {groups[0]}");
                return new Composition(null, true);
            }
            groups[0] = (words[own] | written).ToString("x", CultureInfo.InvariantCulture);
        }
        if (lengthPart.Length > 1 && int.TryParse(lengthPart.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out int length) && length < prefix.Length)
        {
            _diagnostics.Report(DiagnosticDefinitions.ParameterComposition, node.Span, text, $"{head} is a /{prefix.Length}, so a prefix carved from it is /{prefix.Length} or longer, not /{length}");
            return new Composition(null, true);
        }
        string expanded = string.Join(":", words.Take(own).Select(w => w.ToString("x", CultureInfo.InvariantCulture)).Concat(groups)) + lengthPart;
        return new Composition(expanded, false);
    }

    private static string[]? ExpandGroups(string rest, int count)
    {
        int dc = rest.IndexOf("::", StringComparison.Ordinal);
        if (dc < 0)
        {
            var parts = rest.Split(':');
            return parts.Length == count && parts.All(p => IpAddress.TryParseHexWord(p, out _)) ? parts : null;
        }
        if (rest.IndexOf("::", dc + 1, StringComparison.Ordinal) >= 0) return null;
        var headParts = dc == 0 ? new string[0] : rest.Substring(0, dc).Split(':');
        var tailText = rest.Substring(dc + 2);
        var tailParts = tailText.Length == 0 ? new string[0] : tailText.Split(':');
        if (headParts.Length + tailParts.Length >= count) return null;
        if (!headParts.Concat(tailParts).All(p => IpAddress.TryParseHexWord(p, out _))) return null;
        return headParts.Concat(Enumerable.Repeat("0", count - headParts.Length - tailParts.Length)).Concat(tailParts).ToArray();
    }
}

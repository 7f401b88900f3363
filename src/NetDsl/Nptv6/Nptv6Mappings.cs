using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Addressing;
using NetDsl.Model;

namespace NetDsl.Nptv6;

/// <summary>
/// From a .netdsl rule (<see cref="Model.Nptv6Rule"/>, which may hold several mappings) to translators, one per
/// mapping: an <see cref="INptv6Translator"/> is one inside ↔ outside pair, so a rule is a list of them and a
/// caller picks the mapping whose prefix holds the address. The CLI's <c>FILE --rule NAME</c> and the
/// generated selector (<c>Lab.Nptv6Translators.Select</c>) both come through here.
/// </summary>
public static class Nptv6Mappings
{
    /// <summary>The rule named <paramref name="name"/> on any firewall of the model, or null.</summary>
    public static Model.Nptv6Rule? FindRule(NetworkModel model, string name) =>
        model.Firewalls.SelectMany(f => f.Nptv6Rules).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The mappings of the NPTv6 rule named <paramref name="name"/>: a firewall's, else a docker-host's (NetDsl's gateway);
    /// null when no rule has that name.
    /// </summary>
    public static IReadOnlyList<Nptv6Mapping>? FindMappings(NetworkModel model, string name) =>
        FindRule(model, name)?.Mappings
        ?? (IReadOnlyList<Nptv6Mapping>?)model.Hosts.SelectMany(h => h.Nptv6Rules).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))?.Mappings;

    /// <summary>The names of every NPTv6 rule of the model, firewalls' then docker-hosts'.</summary>
    public static IEnumerable<string> RuleNames(NetworkModel model) =>
        model.Firewalls.SelectMany(f => f.Nptv6Rules).Select(r => r.Name).Concat(model.Hosts.SelectMany(h => h.Nptv6Rules).Select(r => r.Name));

    /// <summary>Generic translators for every mapping, in order; false with the errors when a mapping is invalid. Never throws.</summary>
    public static bool TryCreate(Model.Nptv6Rule rule, Nptv6Compatibility compatibility, out IReadOnlyList<INptv6Translator> translators, out IReadOnlyList<string> errors, out IReadOnlyList<string> warnings) =>
        TryCreate(rule.Mappings, compatibility, out translators, out errors, out warnings);

    /// <summary>Generic translators for these mappings, in order; false with the errors when a mapping is invalid. Never throws.</summary>
    public static bool TryCreate(IReadOnlyList<Nptv6Mapping> mappings, Nptv6Compatibility compatibility, out IReadOnlyList<INptv6Translator> translators, out IReadOnlyList<string> errors, out IReadOnlyList<string> warnings)
    {
        var created = new List<INptv6Translator>();
        var errorList = new List<string>();
        var warningList = new List<string>();
        foreach (var mapping in mappings)
        {
            if (Nptv6Translator.TryCreate(new Nptv6PrefixPair(mapping.Inside, mapping.Outside), compatibility, out var translator, out var check))
                created.Add(translator!);
            errorList.AddRange(check.Errors);
            warningList.AddRange(check.Warnings);
        }
        translators = errorList.Count == 0 ? created : Array.Empty<INptv6Translator>();
        errors = errorList;
        warnings = warningList;
        return errorList.Count == 0;
    }

    /// <summary>
    /// The mapping that applies to <paramref name="address"/>: the first whose inside prefix (outbound) or outside
    /// prefix (inbound) holds it; null when none does.
    /// </summary>
    public static INptv6Translator? Select(IReadOnlyList<INptv6Translator> mappings, IpAddress address, Nptv6Direction direction)
    {
        foreach (var mapping in mappings)
        {
            var prefix = direction == Nptv6Direction.Outbound ? mapping.Prefixes.Inside : mapping.Prefixes.Outside;
            if (prefix.Contains(address)) return mapping;
        }
        return null;
    }

    /// <summary>
    /// The run-time half of a generated selector: <paramref name="compiled"/> (built for the file's defaults, RFC 6296
    /// behaviour) when the rule bound with other parameters still has the same mappings and the compatibility
    /// cannot change the result; otherwise generic translators for the re-bound rule.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no such rule, or a mapping is invalid.</exception>
    public static IReadOnlyList<INptv6Translator> ForModel(IReadOnlyList<INptv6Translator> compiled, NetworkModel model, string name, Nptv6Compatibility compatibility)
    {
        var rule = FindRule(model, name) ?? throw new ArgumentException("no NPTv6 rule named '" + name + "' in " + model.SourcePath, nameof(name));
        if (SameMappings(compiled, rule) && (compatibility == Nptv6Compatibility.Rfc6296 || compiled.All(t => !CompatibilityMatters(t.Prefixes))))
            return compiled;
        if (!TryCreate(rule, compatibility, out var translators, out var errors, out _))
            throw new ArgumentException("NPTv6 rule '" + name + "': " + string.Join(" ", errors), nameof(name));
        return translators;
    }

    private static bool SameMappings(IReadOnlyList<INptv6Translator> compiled, Model.Nptv6Rule rule) =>
        compiled.Count == rule.Mappings.Count
        && compiled.Select(t => t.Prefixes).SequenceEqual(rule.Mappings.Select(m => new Nptv6PrefixPair(m.Inside, m.Outside)));

    // RFC 6296 and Linux differ only on the /48 subnet word (Nptv6Compatibility), used when the longer length is ≤ /48.
    private static bool CompatibilityMatters(Nptv6PrefixPair rule) => Math.Max(rule.Inside.Length, rule.Outside.Length) <= 48;
}

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using NetDsl.Captures.Model;
using NetDsl.Model;

namespace NetDsl.Captures.Parsers;

/// <summary>Collects the fields of one PAN-OS NAT rule, from the running policy block or from `set` lines.</summary>
internal sealed class NatRuleBuilder(string device, string name, int? index, CaptureLocation location)
{
    private static readonly Regex Translation = new(@"\b(?<side>src|dst):\s*(?<address>[^\s()]+)(?:\s*\((?<kind>[^)]*)\))?",
        RegexOptions.CultureInvariant);

    public string? NatType { get; set; }
    public List<string> From { get; } = new();
    public List<string> To { get; } = new();
    public List<CapturedPrefix> Sources { get; } = new();
    public List<string> SourceNames { get; } = new();
    public List<CapturedPrefix> Destinations { get; } = new();
    public List<string> DestinationNames { get; } = new();
    public string? ToInterface { get; set; }
    public string? Service { get; set; }
    public CapturedPrefix? TranslatedSource { get; set; }
    public string? TranslationKind { get; set; }
    public CapturedPrefix? TranslatedDestination { get; set; }

    /// <summary>Adds an address or a name (any, an address object) to a source or destination list.</summary>
    public static void AddMatch(List<CapturedPrefix> prefixes, List<string> names, string value)
    {
        if (CapturedPrefix.TryParseHostOrPrefix(value, out var prefix)) prefixes.Add(prefix);
        else names.Add(value);
    }

    /// <summary>Reads the running policy's <c>translate-to "src: X/64 (static-ip) (pool idx: 0)"</c>.</summary>
    public bool TryReadTranslateTo(string text)
    {
        bool any = false;
        foreach (Match match in Translation.Matches(text))
        {
            if (!CapturedPrefix.TryParseHostOrPrefix(match.Groups["address"].Value, out var prefix)) return false;
            any = true;
            if (match.Groups["side"].Value == "src")
            {
                TranslatedSource = prefix;
                if (match.Groups["kind"].Success) TranslationKind = match.Groups["kind"].Value;
            }
            else TranslatedDestination = prefix;
        }
        return any;
    }

    public ObservedNatRule Build() =>
        new(device, name, index, NatType, From.ToEquatableArray(), To.ToEquatableArray(), Sources.ToEquatableArray(),
            SourceNames.ToEquatableArray(), Destinations.ToEquatableArray(), DestinationNames.ToEquatableArray(), ToInterface,
            Service, TranslatedSource, TranslationKind, TranslatedDestination, location);
}

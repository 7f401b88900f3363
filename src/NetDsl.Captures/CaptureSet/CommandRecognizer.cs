using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Captures;

/// <summary>
/// Tells which <see cref="CaptureFormat"/> a command produces, from the command as typed at a prompt
/// (<c>ip -6 route | grep -v docker0</c>, <c>sh run | in ::/0</c>) or from the command part of a capture file name
/// (<c>ip-6-route</c>, <c>show-run</c>). Abbreviations the devices accept are accepted (<c>ip a</c>, <c>sh run</c>).
/// </summary>
public static class CommandRecognizer
{
    /// <summary>The format a typed command produces, or null when NetDsl has no parser for it.</summary>
    public static CaptureFormat? Recognize(string? command)
    {
        if (string.IsNullOrWhiteSpace(command)) return null;
        string main = command.Split('|')[0];
        var words = main.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0] == "sudo") words.RemoveAt(0);
        if (words.Count == 0) return null;
        return Recognize(words, fromFileName: false);
    }

    /// <summary>The format named by the command part of a file name (<c>ip-6-route</c>), or null.</summary>
    public static CaptureFormat? RecognizeSlug(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug)) return null;
        string lower = slug.ToLowerInvariant();
        if (SlugAliases.TryGetValue(lower, out var format)) return format;
        var words = lower.Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        return words.Count == 0 ? null : Recognize(words, fromFileName: true);
    }

    /// <summary>The file-name form of a command: words joined by '-', option dashes dropped (`ip -6 route` → `ip-6-route`).</summary>
    public static string ToSlug(string command)
    {
        string main = command.Split('|')[0];
        var words = main.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.TrimStart('-').ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray()))
            .Where(w => w.Length > 0);
        return string.Join("-", words);
    }

    // Names that do not read as the command itself.
    private static readonly Dictionary<string, CaptureFormat> SlugAliases = new(StringComparer.Ordinal)
    {
        ["nat-policy"] = CaptureFormat.PanosNatPolicy,
        ["running-nat-policy"] = CaptureFormat.PanosNatPolicy,
        ["set-commands"] = CaptureFormat.PanosSetCommands,
        ["running-config"] = CaptureFormat.IosRunningConfig,
        ["ruleset"] = CaptureFormat.NftList,
    };

    private static CaptureFormat? Recognize(List<string> words, bool fromFileName)
    {
        string first = words[0].ToLowerInvariant();
        var rest = words.Skip(1).Select(w => w.ToLowerInvariant()).ToList();
        switch (first)
        {
            case "docker":
                return rest.Count >= 2 && rest[0] == "network" && IsAbbreviation(rest[1], "inspect", 2)
                    ? CaptureFormat.DockerNetworkInspect : null;
            case "ip":
                return RecognizeIp(rest, fromFileName);
            case "nft":
                return rest.SkipWhile(w => w.StartsWith('-') || (fromFileName && w.Length == 1)).FirstOrDefault() == "list"
                    ? CaptureFormat.NftList : null;
            case "conntrack":
                return CaptureFormat.Conntrack;
            case "ip6tables-save" or "iptables-save" or "ip6tables-legacy-save" or "iptables-legacy-save" or "ip6tables-nft-save" or "iptables-nft-save":
                return CaptureFormat.IptablesSave;
            case "ip6tables" or "iptables":
                // `ip6tables -S` (a typed command) or the slug of `ip6tables-save` (ip6tables-save → "ip6tables", "save").
                return rest.Contains("-s") || rest.Contains("s") && fromFileName || rest.FirstOrDefault() == "save" ? CaptureFormat.IptablesSave : null;
            case "sh" or "sho" or "show":
                return RecognizeShow(rest);
            case "set":
                return CaptureFormat.PanosSetCommands;
            default:
                return null;
        }
    }

    private static CaptureFormat? RecognizeIp(List<string> rest, bool fromFileName)
    {
        // Skip options: "-6", "-o" at a prompt; "6", "4" once the file name dropped the dashes.
        string? verb = rest.FirstOrDefault(w => !(w.StartsWith('-') || (fromFileName && w.Length == 1 && char.IsAsciiDigit(w[0]))));
        if (verb is null) return null;
        if (IsAbbreviation(verb, "address", 1)) return CaptureFormat.IpAddr;
        if (IsAbbreviation(verb, "route", 1)) return CaptureFormat.IpRoute;
        return null;
    }

    private static CaptureFormat? RecognizeShow(List<string> rest)
    {
        if (rest.Count == 0) return null;
        if (rest[0] == "running" && rest.Count >= 2 && rest[1] == "nat-policy") return CaptureFormat.PanosNatPolicy;
        if (rest[0] == "running" && rest.Count >= 3 && rest[1] == "nat" && rest[2] == "policy") return CaptureFormat.PanosNatPolicy;
        if (IsAbbreviation(rest[0], "interface", 3) && rest.Count >= 2 && rest[1] == "all") return CaptureFormat.PanosShowInterfaceAll;
        if (rest[0] == "config" && rest.Count >= 2 && rest[1] == "running") return CaptureFormat.PanosSetCommands;
        if (IsAbbreviation(rest[0], "running-config", 3) || rest[0] == "run" || (rest[0] == "running" && rest.Count >= 2 && rest[1] == "config"))
            return CaptureFormat.IosRunningConfig;
        return null;
    }

    private static bool IsAbbreviation(string word, string full, int minimum) =>
        word.Length >= minimum && full.StartsWith(word, StringComparison.Ordinal);
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Targets.Tests.Consumers;

/// <summary>
/// The systemd unit files NetDsl writes (the NPTv6 gateway's <c>netdsl-nptv6-NAME.service</c>), as systemd reads them,
/// so a rendered unit systemd would reject or misread fails a test here. Sources (docs/targets.md): systemd.syntax(7)
/// (<c>[Section]</c> headers, <c>Key=Value</c> lines, <c>#</c>/<c>;</c> comments, no continuation NetDsl needs),
/// systemd.unit(5) ([Unit] Description/After/Wants, [Install] WantedBy), systemd.service(5) ([Service] Type, ExecStart,
/// Restart, RestartSec; ExecStart: an absolute path or a bare name from systemd's fixed search path, words split as a
/// shell would with double quotes). <c>systemd-analyze verify</c> would also demand that the binary exist on this
/// machine, which is the host's business, not the file's.
/// </summary>
public static class SystemdUnitGrammar
{
    private static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        ["Unit"] = new[] { "Description", "After", "Wants", "Requires", "Before", "BindsTo", "Documentation" },
        ["Service"] = new[] { "Type", "ExecStart", "ExecStartPre", "ExecStop", "Restart", "RestartSec", "Environment", "User", "Group" },
        ["Install"] = new[] { "WantedBy", "RequiredBy", "Alias" },
    };

    private static readonly Dictionary<string, string[]> Values = new(StringComparer.Ordinal)
    {
        ["Type"] = new[] { "simple", "exec", "forking", "oneshot", "dbus", "notify", "notify-reload", "idle" },
        ["Restart"] = new[] { "no", "always", "on-success", "on-failure", "on-abnormal", "on-abort", "on-watchdog" },
    };

    /// <summary>Each line systemd would refuse or misread, with its number; empty when the unit is well-formed.</summary>
    public static IEnumerable<string> Refused(string content)
    {
        string? section = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = content.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            string at = $"line {i + 1} '{lines[i]}'";
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line.EndsWith('\\')) { yield return at + ": a continuation line"; continue; }
            if (line.StartsWith('['))
            {
                section = line.EndsWith(']') && Keys.ContainsKey(line[1..^1]) ? line[1..^1] : null;
                if (section is null) yield return at + ": not a section of a .service unit";
                else if (!seen.Add(section)) yield return at + ": the section appears twice";
                continue;
            }
            int eq = line.IndexOf('=');
            if (eq <= 0) { yield return at + ": not Key=Value"; continue; }
            string key = line[..eq].Trim(), value = line[(eq + 1)..].Trim();
            if (section is null) { yield return at + ": a setting outside a known section"; continue; }
            if (!Keys[section].Contains(key)) { yield return at + $": {key} is not a [{section}] setting"; continue; }
            if (value.Length == 0) { yield return at + ": an empty value resets the setting"; continue; }
            if (Values.TryGetValue(key, out var allowed) && !allowed.Contains(value)) yield return at + $": {key}={value} is not one of {string.Join(", ", allowed)}";
            if (key == "RestartSec" && !value.All(c => char.IsDigit(c) || c is '.' or 'm' or 's' or 'i' or 'n' or 'u')) yield return at + ": RestartSec is not a time span";
            if (key.StartsWith("Exec", StringComparison.Ordinal) && Exec(value) is { } problem) yield return at + ": " + problem;
        }
        foreach (var required in new[] { "Unit", "Service" })
            if (!seen.Contains(required)) yield return $"no [{required}] section";
    }

    private static string? Exec(string value)
    {
        if (value.Count(c => c == '"') % 2 != 0) return "an unbalanced double quote";
        string command = value.StartsWith('"') ? value[1..value.IndexOf('"', 1)] : value.Split(' ')[0];
        command = command.TrimStart('-', '@', ':', '+', '!');
        if (command.Length == 0) return "no command";
        if (!command.StartsWith('/') && command.Contains('/')) return "a relative path (systemd takes an absolute path or a bare name)";
        return null;
    }
}

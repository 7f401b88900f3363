using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetDsl.Engines;

namespace NetDsl.Docker.DaemonJson;

/// <summary>One key of the merged daemon.json that would stop dockerd: its name, its line in the host's file (null: NetDsl writes it) and the message.</summary>
public sealed record DaemonKeyProblem(string Key, int? Line, string Message);

/// <summary>
/// Checks every key of the merged daemon.json — the host's own keys as much as NetDsl's — against the one table of
/// daemon keys (<see cref="EngineTable.DaemonKeys"/>) for the engine's real release: a key that release does not
/// know stops dockerd ("the following directives don't match any configuration option: KEY"), and so does a value
/// of the wrong JSON type (dockerd 20.10.24: "json: cannot unmarshal string into Go struct field Config.ipv6 of type
/// bool"). Both messages are what dockerd prints at start (measured). Nothing here reads the engine or the disk.
/// </summary>
public static class DaemonKeyCheck
{
    /// <param name="original">The host's daemon.json text before the merge (null: there was none): where line numbers come from.</param>
    /// <param name="merged">The file NetDsl would write.</param>
    /// <param name="release">The engine's release as it reported itself; null (unreadable) checks types only.</param>
    /// <param name="path">The file's path, for the messages.</param>
    public static IReadOnlyList<DaemonKeyProblem> Check(string? original, JsonObject merged, EngineRelease? release, string path)
    {
        var problems = new List<DaemonKeyProblem>();
        if (release is { Kind: not EngineKind.Docker }) return problems;
        var lines = TopLevelLines(original);
        // Outside the modelled releases the table may not know a newer engine's keys: unknown names are not judged there.
        bool judgeNames = release is { } r && EngineTable.Modelled.For(r, false);
        string engine = release is { } known ? known.Title : "the engine";
        foreach (var (name, value) in merged)
        {
            int? line = lines.TryGetValue(name, out int l) ? l : null;
            string where = line is { } n ? $"daemon.json \"{name}\" (line {n.ToString(CultureInfo.InvariantCulture)} of {path})" : $"daemon.json \"{name}\" (written by NetDsl)";
            string fix = line is not null ? "remove or correct that line, then apply again (NetDsl leaves the file untouched)" : "change the file's daemon { } block";
            var key = EngineTable.FindDaemonKey(name);
            if (judgeNames && (key is null || !key.KnownOn(release!.Value)))
            {
                string versions = key is null ? "no Docker version knows it" : $"only Docker {key.Versions} knows it";
                problems.Add(new DaemonKeyProblem(name, line,
                    $"{where}: {engine} does not know this key ({versions}), so dockerd would refuse to start (\"the following directives don't match any configuration option: {name}\") and every container would stay stopped; {fix}"));
                continue;
            }
            if (key is null || value is null) continue;   // null: Go's json leaves the setting at its default
            if (WrongType(key, value) is { } found)
                problems.Add(new DaemonKeyProblem(name, line,
                    $"{where}: the value {Shorten(value.ToJsonString())} is {found.Article}, but dockerd reads {name} as {Describe(key.Kind)}, so it would refuse to start (\"{GoError(name, key.Kind, found.GoKind, found.Element)}\") and every container would stay stopped; write {Example(key.Kind)}, then apply again (NetDsl leaves the file untouched)"));
        }
        return problems;
    }

    /// <summary>The JSON kind found when it is not what <paramref name="key"/> holds; null when it fits.</summary>
    public static (string Article, string GoKind, bool Element)? WrongType(DaemonKey key, JsonNode value)
    {
        var kind = value.GetValueKind();
        bool fits = key.Kind switch
        {
            DaemonValueKind.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            DaemonValueKind.Integer => kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _),
            DaemonValueKind.String or DaemonValueKind.Cidr or DaemonValueKind.Address => kind == JsonValueKind.String,
            DaemonValueKind.StringList or DaemonValueKind.AddressList => kind == JsonValueKind.Array && value.AsArray().All(e => e is null || e.GetValueKind() == JsonValueKind.String),
            DaemonValueKind.Object => kind == JsonValueKind.Object,
            DaemonValueKind.AddressPools => kind == JsonValueKind.Array && value.AsArray().All(e => e is null || e.GetValueKind() == JsonValueKind.Object),
            _ => true,
        };
        if (fits) return null;
        // Inside a list the element is what Go complains about.
        if (key.Kind is DaemonValueKind.StringList or DaemonValueKind.AddressList or DaemonValueKind.AddressPools && kind == JsonValueKind.Array)
        {
            var bad = value.AsArray().First(e => e is not null && e.GetValueKind() != (key.Kind == DaemonValueKind.AddressPools ? JsonValueKind.Object : JsonValueKind.String))!;
            var (article, go) = Found(bad);
            return ("an array holding " + article, go, true);
        }
        var (a, g) = Found(value);
        return (a, g, false);
    }

    private static (string Article, string GoKind) Found(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => ("a string", "string"),
        JsonValueKind.True or JsonValueKind.False => ("a boolean", "bool"),
        JsonValueKind.Number => value.AsValue().TryGetValue<long>(out _) ? ("a number", "number") : ("a number with a fraction", "number " + value.ToJsonString()),
        JsonValueKind.Array => ("an array", "array"),
        _ => ("an object", "object"),
    };

    /// <summary>Go's encoding/json message as dockerd prints it; for kinds whose Go type differs by key, only its beginning.</summary>
    private static string GoError(string name, DaemonValueKind kind, string found, bool element)
    {
        string head = $"json: cannot unmarshal {found} into Go struct field Config.{name}";
        return kind switch
        {
            DaemonValueKind.Boolean => head + " of type bool",
            DaemonValueKind.Integer => head + " of type int",
            DaemonValueKind.String or DaemonValueKind.Cidr or DaemonValueKind.Address => head + " of type string",
            DaemonValueKind.StringList or DaemonValueKind.AddressList when element => head + " of type string",
            DaemonValueKind.StringList or DaemonValueKind.AddressList => head + " of type []string",
            _ => head + " of type …",
        };
    }

    private static string Describe(DaemonValueKind kind) => kind switch
    {
        DaemonValueKind.Boolean => "a boolean",
        DaemonValueKind.Integer => "a whole number",
        DaemonValueKind.String => "a string",
        DaemonValueKind.Cidr => "a string (ADDRESS/LENGTH)",
        DaemonValueKind.Address => "a string (an IP address)",
        DaemonValueKind.StringList => "an array of strings",
        DaemonValueKind.AddressList => "an array of strings (IP addresses)",
        DaemonValueKind.Object => "an object",
        _ => "an array of {\"base\": PREFIX, \"size\": LENGTH} objects",
    };

    private static string Example(DaemonValueKind kind) => kind switch
    {
        DaemonValueKind.Boolean => "true or false without quotes",
        DaemonValueKind.Integer => "a whole number without quotes",
        DaemonValueKind.String => "a quoted string",
        DaemonValueKind.Cidr => "a quoted prefix such as \"fd00:1::/64\"",
        DaemonValueKind.Address => "a quoted address such as \"192.0.2.1\"",
        DaemonValueKind.StringList => "an array such as [\"a\", \"b\"]",
        DaemonValueKind.AddressList => "an array such as [\"192.0.2.53\"]",
        DaemonValueKind.Object => "an object such as {\"key\": \"value\"}",
        _ => "[{\"base\": \"10.200.0.0/16\", \"size\": 24}]",
    };

    private static string Shorten(string json) => json.Length <= 40 ? json : json[..37] + "...";

    /// <summary>The line of each top-level key of a JSON object text (first occurrence); empty for null or unreadable text.</summary>
    public static IReadOnlyDictionary<string, int> TopLevelLines(string? text)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return lines;
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    string key = reader.GetString() ?? "";
                    if (!lines.ContainsKey(key)) lines[key] = 1 + CountNewlines(bytes, reader.TokenStartIndex);
                }
        }
        catch (JsonException)
        {
            // The merge refuses such a file before this is asked; what was read so far is still right.
        }
        return lines;
    }

    private static int CountNewlines(byte[] bytes, long end)
    {
        int n = 0;
        for (long i = 0; i < end && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') n++;
        return n;
    }
}

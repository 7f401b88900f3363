using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NetDsl.Docker.Host;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// What each daemon.json key NetDsl changed held before the first apply that changed it, kept beside the backup as
/// PATH.netdsl.keys.json (<c>{"ipv6": {"was": false}, "fixed-cidr-v6": {"absent": true}}</c>), so `netdsl destroy`
/// can put exactly those keys back and leave every later edit of other keys alone. A key already recorded keeps its
/// first value: a second apply must not record NetDsl's own value as "the original".
/// </summary>
public static class DaemonKeyRecord
{
    public const string Suffix = ".netdsl.keys.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string PathFor(string daemonJson, IHostFiles? files = null) => (files ?? LocalFiles.Instance).FullPath(daemonJson) + Suffix;

    /// <summary>The record, or null when there is none (or it is unreadable: then <paramref name="error"/> says why).</summary>
    public static JsonObject? Read(string daemonJson, out string? error, IHostFiles? files = null)
    {
        files ??= LocalFiles.Instance;
        error = null;
        string path = daemonJson + Suffix;
        try
        {
            path = PathFor(daemonJson, files);
            if (!files.Exists(path)) return null;
            if (JsonNode.Parse(files.ReadAllBytes(path)) is JsonObject o) return o;
            error = $"{path} is not a JSON object; remove it (destroy then leaves daemon.json alone)";
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException or JsonException)
        {
            error = $"cannot read {path}: {e.Message}";
        }
        return null;
    }

    /// <summary>Adds the keys this change touches for the first time; null on success.</summary>
    public static async Task<string?> RememberAsync(string daemonJson, IReadOnlyList<DaemonKeyChange> changes, IHostFiles? files = null)
    {
        var record = Read(daemonJson, out var error, files) ?? new JsonObject();
        if (error is not null) return error;
        bool added = false;
        foreach (var c in changes.Where(c => !record.ContainsKey(c.Key)))
        {
            record[c.Key] = c.Old is null ? new JsonObject { ["absent"] = true } : new JsonObject { ["was"] = JsonNode.Parse(c.Old) };
            added = true;
        }
        return added ? await DaemonJsonFile.WriteAtomicallyAsync(daemonJson + Suffix, record.ToJsonString(Indented) + "\n", backup: false, files) : null;
    }

    /// <summary>
    /// The file's text with every recorded key put back (absent keys removed), and the keys whose value changes;
    /// null text when the current file is not a JSON object NetDsl can rewrite (<paramref name="error"/> says why).
    /// </summary>
    public static (string? Text, IReadOnlyList<string> Changed) Restore(string? current, JsonObject record, out string? error)
    {
        error = string.IsNullOrWhiteSpace(current) ? null : DaemonJsonText.Problem(current);
        if (error is not null) return (null, new List<string>());
        var root = string.IsNullOrWhiteSpace(current) ? new JsonObject() : JsonNode.Parse(current!) as JsonObject;
        if (root is null) { error = "daemon.json is not a JSON object; fix it by hand"; return (null, new List<string>()); }
        var changed = new List<string>();
        foreach (var (key, entry) in record)
        {
            var was = entry is JsonObject e && e.TryGetPropertyValue("was", out var v) ? v : null;
            bool absent = entry is JsonObject a && a.ContainsKey("absent");
            if (absent)
            {
                if (root.Remove(key)) changed.Add(key);
            }
            else if (!JsonNode.DeepEquals(root[key], was))
            {
                root[key] = was?.DeepClone();
                changed.Add(key);
            }
        }
        return (root.ToJsonString(Indented) + "\n", changed);
    }

    /// <summary>Removes the record once destroy has put the keys back; null on success.</summary>
    public static string? Forget(string daemonJson, IHostFiles? files = null)
    {
        files ??= LocalFiles.Instance;
        try
        {
            files.Delete(PathFor(daemonJson, files));
            return null;
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
            return $"cannot remove {files.Describe(daemonJson + Suffix)}: {e.Message}";
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetDsl.Model;

namespace NetDsl.Docker.DaemonJson;

/// <summary>One owned key whose value the merge sets or changes (old value null when the key was absent).</summary>
public sealed record DaemonKeyChange(string Key, string? Old, string New, bool NeedsRestart)
{
    public override string ToString() => Old is null ? $"+ \"{Key}\": {New}" : $"~ \"{Key}\": {Old} -> {New}";
}

/// <summary>
/// The merged file text and what changed; <see cref="Error"/> set (and nothing else meaningful) for a file NetDsl
/// will not touch. <see cref="Original"/> is the file's text before the merge (null: there was no file), what a
/// failed restart puts back.
/// </summary>
public sealed record DaemonJsonMergeResult(string? Error, string Text, IReadOnlyList<DaemonKeyChange> Changes, string? Original = null)
{
    public bool Changed => Changes.Count > 0;

    /// <summary>Keys SIGHUP does not reload that change value: the engine must be restarted.</summary>
    public IReadOnlyList<string> RestartKeys => Changes.Where(c => c.NeedsRestart).Select(c => c.Key).ToList();

    /// <summary>The file as a JSON object (null when it is an error): what preflight checks read.</summary>
    public JsonObject? Parsed => Error is null && JsonNode.Parse(Text) is JsonObject o ? o : null;
}

/// <summary>
/// Merges NetDsl's keys into an existing daemon.json, keeping every other key and the existing key order (new keys
/// go last). A file that is not a JSON object is an error, never "repaired": the operator's file stays untouched.
/// </summary>
public static class DaemonJsonMerge
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="existing">The current file's text, or null when there is no file.</param>
    public static DaemonJsonMergeResult Merge(string? existing, DaemonSettings settings)
    {
        JsonObject root;
        if (string.IsNullOrWhiteSpace(existing))
            root = new JsonObject();
        else
        {
            if (DaemonJsonText.Problem(existing) is { } problem)
                return new DaemonJsonMergeResult(problem, existing, Array.Empty<DaemonKeyChange>(), existing);
            var parsed = JsonNode.Parse(existing);
            if (parsed is not JsonObject obj)
                return new DaemonJsonMergeResult("daemon.json is not a JSON object (it holds " + (parsed?.GetValueKind().ToString().ToLowerInvariant() ?? "null") + "); fix or remove it, NetDsl leaves it untouched", existing, Array.Empty<DaemonKeyChange>(), existing);
            root = obj;
        }

        var changes = new List<DaemonKeyChange>();
        foreach (var (key, value) in OwnedDaemonKeys.For(settings))
        {
            var current = root[key];
            if (current is not null && JsonNode.DeepEquals(current, value)) continue;
            changes.Add(new DaemonKeyChange(key, current?.ToJsonString(), value.ToJsonString(), NetDsl.Engines.EngineTable.FindDaemonKey(key)?.NeedsRestart ?? true));
            root[key] = value.DeepClone();
        }
        // Unchanged files keep their exact bytes (formatting, comments): nothing to write, nothing to diff.
        string text = changes.Count == 0 && existing is not null ? existing : root.ToJsonString(Indented) + "\n";
        return new DaemonJsonMergeResult(null, text, changes, existing);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>What a write did, path by path (relative, '/' separators); <see cref="Error"/> is set when it stopped on an I/O error.</summary>
public sealed record WriteResult(EquatableArray<string> Written, EquatableArray<string> Unchanged, EquatableArray<string> Extra, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// <c>netdsl emit</c>: writes artifacts to <c>DIR/&lt;device&gt;/&lt;file&gt;</c>. Each file is written to a temporary
/// file beside it and renamed over the old one, so a reader (or a crash) never sees half a file; a file whose
/// bytes are already right is left alone (its timestamp too). Nothing else in DIR is touched: extra files in
/// device folders are reported, not deleted.
/// </summary>
public static class ArtifactWriter
{
    public static WriteResult Write(string root, IReadOnlyList<Artifact> artifacts)
    {
        var written = new List<string>();
        var unchanged = new List<string>();
        // Refuse the whole set before touching the disk if any path is unsafe.
        foreach (var artifact in artifacts)
        {
            if (ArtifactPaths.FindProblem(artifact) is { } problem)
                return Result(written, unchanged, Array.Empty<string>(), "refusing to write '" + ConfigText.Visible(artifact.RelativePath) + "': " + problem);
        }
        try
        {
            foreach (var artifact in artifacts)
            {
                string path = ArtifactPaths.FullPath(root, artifact);
                byte[] bytes = ArtifactPaths.Bytes(artifact);
                if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                {
                    unchanged.Add(artifact.RelativePath);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                WriteAtomically(path, bytes);
                written.Add(artifact.RelativePath);
            }
            return Result(written, unchanged, ArtifactComparer.Extras(root, artifacts), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Result(written, unchanged, Array.Empty<string>(), "cannot write under '" + root + "': " + e.Message);
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        // Unique, and hidden ('.'): two emits into one folder cannot collide, and --check ignores a crash's leftovers.
        string temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".netdsl-tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true); // rename(2) on the same file system: atomic
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static WriteResult Result(IEnumerable<string> written, IEnumerable<string> unchanged, IEnumerable<string> extra, string? error) =>
        new(written.ToEquatableArray(), unchanged.ToEquatableArray(), extra.ToEquatableArray(), error);
}

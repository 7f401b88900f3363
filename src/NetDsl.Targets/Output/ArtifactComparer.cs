using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Targets;

/// <summary>The outcome of comparing a folder with a set of artifacts; <see cref="Error"/> is set when the folder could not be read.</summary>
public sealed record ComparisonResult(EquatableArray<ArtifactDifference> Differences, string? Error)
{
    public bool UpToDate => Error is null && Differences.IsEmpty;
}

/// <summary>
/// <c>netdsl emit --check</c>: compares a folder with the artifacts byte for byte, without writing. Device
/// folders are NetDsl's: a file in one that NetDsl would not write is reported as extra. Anything else in the
/// folder (other devices, a README) is not NetDsl's business. Files whose names start with '.' are ignored
/// (.gitkeep, editor and temporary files).
/// </summary>
public static class ArtifactComparer
{
    public static ComparisonResult Compare(string root, IReadOnlyList<Artifact> artifacts)
    {
        var differences = new List<ArtifactDifference>();
        try
        {
            foreach (var artifact in artifacts)
            {
                string path = ArtifactPaths.FullPath(root, artifact);
                if (!File.Exists(path))
                    differences.Add(new ArtifactDifference(DifferenceKind.Missing, artifact.RelativePath));
                else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(ArtifactPaths.Bytes(artifact)))
                    differences.Add(new ArtifactDifference(DifferenceKind.Changed, artifact.RelativePath));
            }
            differences.AddRange(Extras(root, artifacts).Select(p => new ArtifactDifference(DifferenceKind.Extra, p)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ComparisonResult(differences.ToEquatableArray(), "cannot read '" + root + "': " + e.Message);
        }
        return new ComparisonResult(differences.OrderBy(d => d.RelativePath, StringComparer.Ordinal).ToEquatableArray(), null);
    }

    /// <summary>Files in the artifacts' device folders that are not artifacts, as relative paths, sorted.</summary>
    public static IReadOnlyList<string> Extras(string root, IReadOnlyList<Artifact> artifacts)
    {
        var expected = new HashSet<string>(artifacts.Select(a => a.RelativePath), StringComparer.Ordinal);
        var extras = new List<string>();
        // The folder itself is not NetDsl's (a README may sit beside topology.md): only device folders are scanned.
        foreach (var device in artifacts.Where(a => !a.IsAtRoot).Select(a => a.Device).Distinct(StringComparer.Ordinal))
        {
            string folder = Path.Combine(root, device);
            if (!Directory.Exists(folder)) continue;
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                string name = Path.GetFileName(entry);
                if (name.StartsWith(".", StringComparison.Ordinal)) continue;
                string relative = device + "/" + name;
                if (!expected.Contains(relative)) extras.Add(relative);
            }
        }
        extras.Sort(StringComparer.Ordinal);
        return extras;
    }
}

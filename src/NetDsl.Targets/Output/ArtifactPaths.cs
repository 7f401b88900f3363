using System.IO;
using System.Text;

namespace NetDsl.Targets;

/// <summary>
/// Artifact paths and bytes. An artifact lives at <c>DIR/&lt;device&gt;/&lt;file&gt;</c> (or <c>DIR/&lt;file&gt;</c> when it is
/// about the whole model); each part must be one plain
/// path segment (no separator, not "." or "..", nothing a shell or file system reads specially), so no model
/// can make emit write outside its folder.
/// </summary>
public static class ArtifactPaths
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Null when the artifact's device and file name are safe path segments, else what is wrong.</summary>
    public static string? FindProblem(Artifact artifact) =>
        (artifact.IsAtRoot ? null : SegmentProblem(artifact.Device, "device folder")) ?? SegmentProblem(artifact.FileName, "file name");

    /// <summary>The file's full path under <paramref name="root"/>.</summary>
    public static string FullPath(string root, Artifact artifact) => Path.Combine(root, artifact.Device, artifact.FileName);

    /// <summary>The exact bytes written: UTF-8 without a byte-order mark, '\n' line ends.</summary>
    public static byte[] Bytes(Artifact artifact) => Utf8NoBom.GetBytes(artifact.Content.Replace("\r\n", "\n"));

    private static string? SegmentProblem(string segment, string what)
    {
        if (segment is "." or "..") return "a " + what + " of '" + segment + "'";
        if (segment.StartsWith(".", System.StringComparison.Ordinal)) return "a " + what + " starting with '.' (hidden, and reserved for temporary files)";
        if (segment.IndexOf('/') >= 0 || segment.IndexOf('\\') >= 0) return "a path separator in its " + what;
        var problem = ConfigText.FindUnsafe(segment);
        if (problem is null && segment.IndexOf(':') >= 0) problem = "':'"; // not portable (Windows drive/stream syntax)
        if (problem is null && segment.IndexOf('%') >= 0) problem = "'%'";
        return problem is null ? null : problem + " in its " + what;
    }
}

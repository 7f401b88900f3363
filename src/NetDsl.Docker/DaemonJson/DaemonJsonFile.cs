using System;
using System.IO;

namespace NetDsl.Docker.DaemonJson;

/// <summary>Reads daemon.json and replaces it atomically (temp file + rename in the same folder) with a backup.</summary>
public static class DaemonJsonFile
{
    public const string BackupSuffix = ".netdsl.bak";

    /// <summary>The file's text; null when it does not exist. Unreadable: an error message instead.</summary>
    public static string? Read(string path, out string? error)
    {
        error = null;
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {path}: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/>: the old file is copied to PATH.netdsl.bak first, then a temp file in the same
    /// folder is renamed over PATH, so a reader (dockerd starting) sees the old file or the new one, never half.
    /// </summary>
    public static string? WriteAtomically(string path, string text)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(dir, "." + Path.GetFileName(path) + ".netdsl.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            if (File.Exists(path)) File.Copy(path, path + BackupSuffix, overwrite: true);
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { }
            return $"cannot write {path}: {e.Message}";
        }
    }
}

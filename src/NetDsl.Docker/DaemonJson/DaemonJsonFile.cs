using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// Reads and replaces daemon.json without ever leaving it, or its backup, half-written. A symlink is followed (its
/// final target is what dockerd reads, so that is the file written); the new file gets the old one's mode and owner.
/// The backup (PATH.netdsl.bak) is itself written to a temporary file and renamed into place, so the previous backup
/// stays whole until the new one is complete — on a full disk both are as they were.
/// </summary>
public static class DaemonJsonFile
{
    public const string BackupSuffix = ".netdsl.bak";

    /// <summary>The file dockerd reads for this path: the final target of a symlink, else the path itself.</summary>
    public static string Target(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    /// <summary>The file's text; null when it does not exist. Unreadable: an error message instead.</summary>
    public static string? Read(string path, out string? error)
    {
        error = null;
        try
        {
            var target = Target(path);
            return File.Exists(target) ? File.ReadAllText(target) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {path}: {e.Message}; make it readable (NetDsl runs as {Environment.UserName})";
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/>: the current file is first saved as PATH.netdsl.bak (atomically), then a
    /// temporary file beside the target, with the target's mode and owner, is renamed over it, so a reader (dockerd
    /// starting) sees the old file or the new one, never half. Null on success, else one line naming what was kept.
    /// </summary>
    public static async Task<string?> WriteAtomicallyAsync(string path, string text, bool backup = true)
    {
        string target = Target(path);
        if (backup && File.Exists(target))
        {
            var error = await ReplaceAsync(Path.GetFullPath(path) + BackupSuffix, File.ReadAllBytes(target), target);
            if (error is not null) return error + "; nothing was changed (daemon.json and its previous backup are as they were)";
        }
        var write = await ReplaceAsync(target, Encoding.UTF8.GetBytes(text), File.Exists(target) ? target : null);
        return write is null ? null : write + (backup ? "; daemon.json is as it was" : "");
    }

    /// <summary>Removes the file (restoring "there was no daemon.json"); null on success.</summary>
    public static string? Delete(string path)
    {
        try
        {
            File.Delete(Target(path));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot remove {path}: {e.Message}";
        }
    }

    /// <summary>Temp file in the destination's folder, fsync, mode and owner of <paramref name="like"/>, rename.</summary>
    private static async Task<string?> ReplaceAsync(string destination, byte[] bytes, string? like)
    {
        string dir = Path.GetDirectoryName(destination)!;
        string temp = Path.Combine(dir, "." + Path.GetFileName(destination) + "." + Environment.ProcessId + ".netdsl.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (like is not null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(like));
                // .NET has no chown: coreutils copies the owner and group (only root can change them anyway).
                if (Environment.UserName == "root")
                {
                    var chown = await ProcessRunner.RunAsync("chown", new[] { "--reference=" + like, temp });
                    if (!chown.Succeeded) throw new IOException("cannot keep the owner of " + like + ": " + chown.StandardError.Trim());
                }
            }
            File.Move(temp, destination, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            return $"cannot write {destination}: {e.Message}";
        }
    }
}

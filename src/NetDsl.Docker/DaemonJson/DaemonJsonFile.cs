using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Docker.Host;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// Reads and replaces daemon.json without ever leaving it, or its backup, half-written — on this machine or on an
/// ssh:// engine's (<see cref="IHostFiles"/>). A symlink is followed (its final target is what dockerd reads, so that
/// is the file written); the new file gets the old one's mode and owner. The backup (PATH.netdsl.bak) is itself
/// written to a temporary file and renamed into place, so the previous backup stays whole until the new one is
/// complete — on a full disk both are as they were.
/// </summary>
public static class DaemonJsonFile
{
    public const string BackupSuffix = ".netdsl.bak";

    /// <summary>The file dockerd reads for this path: the final target of a symlink, else the path itself.</summary>
    public static string Target(string path, IHostFiles? files = null) => (files ?? LocalFiles.Instance).Target(path);

    /// <summary>The file's text; null when it does not exist. Unreadable: an error message instead.</summary>
    public static string? Read(string path, out string? error, IHostFiles? files = null)
    {
        files ??= LocalFiles.Instance;
        error = null;
        try
        {
            var target = files.Target(path);
            return files.Exists(target) ? Encoding.UTF8.GetString(files.ReadAllBytes(target)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {files.Describe(path)}: {e.Message}; make it readable (NetDsl runs as {Environment.UserName})";
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/>: the current file is first saved as PATH.netdsl.bak (atomically), then a
    /// temporary file beside the target, with the target's mode and owner, is renamed over it, so a reader (dockerd
    /// starting) sees the old file or the new one, never half. Null on success, else one line naming what was kept.
    /// </summary>
    public static async Task<string?> WriteAtomicallyAsync(string path, string text, bool backup = true, IHostFiles? files = null)
    {
        files ??= LocalFiles.Instance;
        string target;
        bool exists;
        try
        {
            target = files.Target(path);
            exists = files.Exists(target);
            if (backup && exists)
            {
                var error = await ReplaceAsync(files, files.FullPath(path) + BackupSuffix, files.ReadAllBytes(target), target);
                if (error is not null) return error + "; nothing was changed (daemon.json and its previous backup are as they were)";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {files.Describe(path)}: {e.Message}; nothing was changed";
        }
        var write = await ReplaceAsync(files, target, Encoding.UTF8.GetBytes(text), exists ? target : null);
        return write is null ? null : write + (backup ? "; daemon.json is as it was" : "");
    }

    /// <summary>Removes the file (restoring "there was no daemon.json"); null on success.</summary>
    public static string? Delete(string path, IHostFiles? files = null)
    {
        files ??= LocalFiles.Instance;
        try
        {
            files.Delete(files.Target(path));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot remove {files.Describe(path)}: {e.Message}";
        }
    }

    private static async Task<string?> ReplaceAsync(IHostFiles files, string destination, byte[] bytes, string? like)
    {
        try
        {
            await files.ReplaceAsync(destination, bytes, like);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {files.Describe(destination)}: {e.Message}";
        }
    }
}

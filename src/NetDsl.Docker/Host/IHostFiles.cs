using System.Threading.Tasks;

namespace NetDsl.Docker.Host;

/// <summary>
/// The engine host's files, as daemon.json's careful writing needs them: this machine's (<see cref="LocalFiles"/>),
/// or another's over SFTP (<see cref="Ssh.SftpFiles"/>). Paths are absolute on that host. Failures are
/// <see cref="System.IO.IOException"/> or <see cref="System.UnauthorizedAccessException"/> with the host's own words.
/// </summary>
public interface IHostFiles
{
    /// <summary>The path as an operator reads it in a message (<c>root@host:/etc/docker/daemon.json</c> when remote).</summary>
    string Describe(string path);

    /// <summary>The absolute, normalised path.</summary>
    string FullPath(string path);

    /// <summary>The file a reader of <paramref name="path"/> opens: the final target of a symlink, else the path.</summary>
    string Target(string path);

    bool Exists(string path);

    byte[] ReadAllBytes(string path);

    /// <summary>
    /// Writes <paramref name="bytes"/> to a temporary file beside <paramref name="destination"/>, flushes it to disk,
    /// gives it the mode and owner of <paramref name="like"/> (when not null), and renames it over the destination,
    /// so a reader sees the old file or the new one, never half. On failure the temporary file is removed.
    /// </summary>
    Task ReplaceAsync(string destination, byte[] bytes, string? like);

    /// <summary>Removes the file; nothing when it does not exist.</summary>
    void Delete(string path);
}

using System;
using System.IO;
using System.Threading.Tasks;
using Renci.SshNet.Common;

namespace NetDsl.Docker.Host.Ssh;

/// <summary>
/// The engine host's files over SFTP (content, rename) with a few coreutils commands over the same login where SFTP
/// has no word for it: the symlink's final target (<c>readlink -f</c>), mode and owner (<c>chmod/chown --reference</c>)
/// and flushing to disk (<c>sync FILE</c>). The rename is OpenSSH's posix-rename, which replaces the file atomically.
/// </summary>
public sealed class SftpFiles : IHostFiles
{
    private readonly SshConnection _ssh;

    public SftpFiles(SshConnection ssh) => _ssh = ssh;

    public string Describe(string path) => _ssh.Target + ":" + path;

    public string FullPath(string path) =>
        path.StartsWith('/') ? path : throw new IOException($"{path} is not an absolute path on {_ssh.Target}; give it from / (e.g. /etc/docker/daemon.json)");

    public string Target(string path)
    {
        var r = _ssh.RunAsync("readlink -f -- " + HostShell.Quote(FullPath(path))).GetAwaiter().GetResult();
        string resolved = r.StandardOutput.Trim();
        return r.Succeeded && resolved.StartsWith('/') ? resolved : path;
    }

    public bool Exists(string path) => Sftp(s => s.Exists(path) && !s.GetAttributes(path).IsDirectory);

    public byte[] ReadAllBytes(string path) => Sftp(s => s.ReadAllBytes(path));

    public async Task ReplaceAsync(string destination, byte[] bytes, string? like)
    {
        string dir = destination[..Math.Max(1, destination.LastIndexOf('/'))];
        string temp = dir.TrimEnd('/') + "/." + destination[(destination.LastIndexOf('/') + 1)..] + "." + Environment.ProcessId + ".netdsl.tmp";
        try
        {
            Sftp(s =>
            {
                if (!s.Exists(dir)) s.CreateDirectory(dir);
                using var stream = s.Create(temp);
                stream.Write(bytes);
                stream.Flush();
                return 0;
            });
            string q = HostShell.Quote(temp);
            string keep = like is null ? "" : $"chmod --reference={HostShell.Quote(like)} {q} && if [ \"$(id -u)\" = 0 ]; then chown --reference={HostShell.Quote(like)} {q}; fi && ";
            var r = await _ssh.RunAsync(keep + "sync -- " + q);
            if (!r.Succeeded) throw new IOException($"cannot keep the mode and owner of {like ?? destination} or flush {temp} on {_ssh.Target}: {r.StandardError.Trim()}");
            Sftp(s => { s.RenameFile(temp, destination, isPosix: true); return 0; });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { Sftp(s => { if (s.Exists(temp)) s.DeleteFile(temp); return 0; }); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }

    public void Delete(string path) => Sftp(s => { if (s.Exists(path)) s.DeleteFile(path); return 0; });

    private Task<Renci.SshNet.SftpClient> SftpClientAsync() => _ssh.SftpAsync();

    /// <summary>Runs an SFTP call; SSH.NET's failures become IOException / UnauthorizedAccessException with the server's words.</summary>
    private T Sftp<T>(Func<Renci.SshNet.SftpClient, T> call)
    {
        var client = SftpClientAsync().GetAwaiter().GetResult();
        try
        {
            return call(client);
        }
        catch (SftpPermissionDeniedException e)
        {
            throw new UnauthorizedAccessException($"permission denied on {_ssh.Target} ({e.Message}); log in as a user who may write it (root for /etc/docker)", e);
        }
        catch (SftpPathNotFoundException e)
        {
            throw new FileNotFoundException($"no such file on {_ssh.Target} ({e.Message})", e);
        }
        catch (SshException e)
        {
            throw new IOException($"SFTP on {_ssh.Target} failed: {e.Message}", e);
        }
    }
}

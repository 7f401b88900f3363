using System;
using System.IO;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;

namespace NetDsl.Docker.Host;

/// <summary>This machine's files (the engine is reached through a local socket).</summary>
public sealed class LocalFiles : IHostFiles
{
    public static LocalFiles Instance { get; } = new();

    private LocalFiles() { }

    public string Describe(string path) => path;

    public string FullPath(string path) => Path.GetFullPath(path);

    public string Target(string path)
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

    public bool Exists(string path) => File.Exists(path);

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public async Task ReplaceAsync(string destination, byte[] bytes, string? like)
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
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }

    public void Delete(string path) => File.Delete(path);
}

using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetDsl.Docker.Engine;

namespace NetDsl.Docker.Apply;

/// <summary>
/// One apply per engine at a time on this machine: an exclusive lock (flock, released by the kernel when the
/// process dies) on a file named after the endpoint. Two racing applies would otherwise both read daemon.json
/// before either wrote it (the second backup then holds the first apply's content) and both create the same
/// networks (the loser fails with "Pool overlaps"). The second waits, then plans against what the first did.
/// </summary>
public sealed class ApplyLock : IDisposable
{
    private readonly FileStream _stream;

    private ApplyLock(FileStream stream) => _stream = stream;

    public static string PathFor(EngineEndpoint endpoint)
    {
        string dir = Directory.Exists("/run/lock") ? "/run/lock" : Path.GetTempPath();
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.Uri.OriginalString)))[..16];
        return Path.Combine(dir, "netdsl-apply-" + hash + ".lock");
    }

    /// <summary>The lock, or null with a one-line reason when it could not be had within <paramref name="wait"/>.</summary>
    public static async Task<(ApplyLock? Lock, string? Error)> AcquireAsync(EngineEndpoint endpoint, TimeSpan wait, Action<string> waiting, CancellationToken ct)
    {
        string path = PathFor(endpoint);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: held until disposed or the process ends.
                return (new ApplyLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)), null);
            }
            catch (UnauthorizedAccessException e)
            {
                return (null, $"cannot create the apply lock {path}: {e.Message}; run as a user who may write there");
            }
            catch (IOException) when (clock.Elapsed < wait)
            {
                if (!told) waiting($"another netdsl apply is running against {endpoint}; waiting for it (up to {wait.TotalSeconds:0} s)");
                told = true;
                await Task.Delay(200, ct);
            }
            catch (IOException)
            {
                return (null, $"another netdsl apply has been running against {endpoint} for more than {wait.TotalSeconds:0} s (lock {path}); wait for it, or stop it, then apply again");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}

using System;
using System.IO;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;

namespace NetDsl.Lab.Docker;

/// <summary>
/// The lab's container image without a registry: a root folder with Debian's static /bin/busybox and one symlink per
/// applet, piped through tar into <c>docker import</c> (Debian's 20.10 client, which Podman's compatible API
/// answers too). There is no bash applet: commands use /bin/sh.
/// </summary>
public static class BusyboxImage
{
    /// <param name="folder">The engine's private folder (the root folder is built under it).</param>
    /// <param name="host">The engine's socket as unix:///path.</param>
    /// <param name="image">The name to give the image (netdsl-busybox:lab).</param>
    public static async Task ImportAsync(string folder, string host, string image)
    {
        string busybox = File.Exists("/bin/busybox") ? "/bin/busybox" : "/usr/bin/busybox";
        string root = Path.Combine(folder, "busybox-rootfs");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.Copy(busybox, Path.Combine(root, "bin", "busybox"), overwrite: true);
        var list = (await ProcessRunner.RunAsync(busybox, new[] { "--list" })).EnsureSuccess();
        foreach (var applet in list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string link = Path.Combine(root, "bin", applet);
            if (applet != "busybox" && !File.Exists(link)) File.CreateSymbolicLink(link, "busybox");
        }
        (await ProcessRunner.RunAsync("sh", new[]
        {
            "-c", "tar -C \"$1\" -c . | \"$2\" -H \"$3\" import -c 'CMD [\"/bin/sh\"]' - \"$4\"", "sh", root, PrivateDockerd.DockerCli, host, image,
        }, timeout: TimeSpan.FromSeconds(120))).EnsureSuccess();
    }
}

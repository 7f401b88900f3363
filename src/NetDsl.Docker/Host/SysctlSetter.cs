using System.Threading.Tasks;

namespace NetDsl.Docker.Host;

/// <summary>Reads and sets sysctls with <c>sysctl</c>; a set happens only when the value differs (idempotent).</summary>
public static class SysctlSetter
{
    public static async Task<string?> ReadAsync(HostShell shell, string name)
    {
        var r = await shell.RunAsync("sysctl", "-n", name);
        return r.Succeeded ? r.StandardOutput.Trim() : null;
    }

    /// <summary>Null on success, else the error.</summary>
    public static async Task<string?> WriteAsync(HostShell shell, string name, string value)
    {
        var r = await shell.RunAsync("sysctl", "-qw", name + "=" + value);
        return r.Succeeded ? null : $"sysctl {name}={value} failed on {shell}: {r.StandardError.Trim()}";
    }
}

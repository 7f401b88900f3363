using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NetDsl.Lab;

/// <summary>
/// What a lab has created, written before each thing is created (so a crash in the middle still leaves a record):
/// its namespaces, its private dockerds, the file and overrides it was built from, and how far `up` got.
/// <c>lab down</c> removes what it lists plus anything named with the lab's prefix; the file goes last.
/// Kept under /run/netdsl/labs (tmpfs: it disappears on reboot together with the namespaces it describes).
/// </summary>
public sealed class LabState
{
    public const string DefaultFolder = "/run/netdsl/labs";

    public string Name { get; set; } = "";

    public string File { get; set; } = "";

    /// <summary>building, up, failed.</summary>
    public string Phase { get; set; } = "building";

    public DateTime Started { get; set; }

    public Dictionary<string, string> Overrides { get; set; } = new(StringComparer.Ordinal);

    public List<string> Namespaces { get; set; } = new();

    /// <summary>Names of private dockerds (each also a namespace; its folder is PrivateDockerd.FolderFor(name)).</summary>
    public List<string> Dockerds { get; set; } = new();

    public List<LabInterfaceName> Interfaces { get; set; } = new();

    /// <summary>Who translates NPTv6 in this lab: "kernel" (ip6t_NPT) or "netdsl" (NetDsl's gateways, see <see cref="GatewayFolder"/>).</summary>
    public string Translator { get; set; } = "kernel";

    public static string Folder => Environment.GetEnvironmentVariable("NETDSL_LAB_STATE") is { Length: > 0 } f ? f : DefaultFolder;

    public static string PathFor(LabName name) => System.IO.Path.Combine(Folder, name.Short + ".json");

    /// <summary>Where a lab's NetDsl gateways keep their logs and status files (removed by <c>lab down</c>).</summary>
    public static string GatewayFolder(LabName name) => System.IO.Path.Combine(Folder, name.Short + ".gateways");

    public static LabState? Read(LabName name, out string? error)
    {
        error = null;
        string path = PathFor(name);
        if (!System.IO.File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<LabState>(System.IO.File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            error = $"{path}: {e.Message}";
            return null;
        }
    }

    public void Save()
    {
        var name = new LabName(Name);
        Directory.CreateDirectory(Folder);
        string path = PathFor(name), temp = path + ".tmp";
        System.IO.File.WriteAllText(temp, JsonSerializer.Serialize(this, Options));
        System.IO.File.Move(temp, path, overwrite: true);
    }

    public static void Delete(LabName name)
    {
        string path = PathFor(name);
        if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
    }

    public IEnumerable<string> AllNamespaces => Namespaces.Concat(Dockerds).Distinct(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}

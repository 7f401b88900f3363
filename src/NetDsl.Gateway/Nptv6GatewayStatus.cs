using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace NetDsl.Gateway;

/// <summary>
/// What a running gateway publishes in its status file (<c>--status-file</c>): who it is, what it translates, and its
/// counters, rewritten every second and once more when it stops. <c>verify</c> and the lab read it to tell that the
/// gateway is up, translates the rule the file says, and has translated packets.
/// </summary>
/// <param name="Arguments">The command line after <c>netdsl</c> (<c>nptv6 run …</c>): apply keeps a gateway that runs with the arguments it wants.</param>
public sealed record Nptv6GatewayStatus(
    int ProcessId,
    DateTime Started,
    IReadOnlyList<string> Arguments,
    string DataPath,
    IReadOnlyList<string> Mappings,
    bool Running,
    string? Failure,
    Nptv6GatewayStats Stats)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the file atomically (a temporary file renamed over it), so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Options));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a status file; null with the reason when it is missing or unreadable.</summary>
    public static Nptv6GatewayStatus? TryRead(string path, out string? error)
    {
        error = null;
        try
        {
            var status = JsonSerializer.Deserialize<Nptv6GatewayStatus>(File.ReadAllText(path), Options);
            if (status is null) error = path + " is empty";
            return status;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            error = e is FileNotFoundException or DirectoryNotFoundException ? path + " does not exist (is the gateway running?)" : path + ": " + e.Message;
            return null;
        }
    }
}

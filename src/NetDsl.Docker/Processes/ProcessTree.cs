using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace NetDsl.Docker.Processes;

/// <summary>
/// Finds processes by what identifies them uniquely (a lab's own folder in their command line) and kills them
/// with all their descendants, by pid. Never by a name pattern: other people's dockerds run on the same machine.
/// </summary>
public static class ProcessTree
{
    /// <summary>Pids whose command line contains <paramref name="marker"/> (e.g. /tmp/netdsl-dockerd-NAME).</summary>
    public static IReadOnlyList<int> WithCommandLineContaining(string marker)
    {
        var found = new List<int>();
        foreach (var (pid, _) in All())
        {
            string cmdline;
            try { cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (pid != Environment.ProcessId && cmdline.Contains(marker, StringComparison.Ordinal)) found.Add(pid);
        }
        return found;
    }

    /// <summary>The given pids and every descendant (containers run under containerd-shim, not under dockerd).</summary>
    public static IReadOnlyList<int> WithDescendants(IEnumerable<int> roots)
    {
        var children = All().GroupBy(p => p.Parent).ToDictionary(g => g.Key, g => g.Select(p => p.Pid).ToList());
        var result = new List<int>();
        var queue = new Queue<int>(roots);
        var seen = new HashSet<int>();
        while (queue.Count > 0)
        {
            int pid = queue.Dequeue();
            if (!seen.Add(pid)) continue;
            result.Add(pid);
            if (children.TryGetValue(pid, out var kids)) foreach (var k in kids) queue.Enqueue(k);
        }
        return result;
    }

    /// <summary>Pids running in the network namespace bound at <paramref name="netnsPath"/> (/run/netns/NAME).</summary>
    public static IReadOnlyList<int> InNetworkNamespace(string netnsPath)
    {
        var found = new List<int>();
        if (!File.Exists(netnsPath)) return found;
        string? target = NamespaceId(netnsPath);
        if (target is null) return found;
        foreach (var (pid, _) in All())
        {
            if (pid == Environment.ProcessId) continue;
            try
            {
                var link = new FileInfo($"/proc/{pid}/ns/net").LinkTarget;
                if (link == target) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>"net:[inode]" for a bound namespace file, as /proc/PID/ns/net links read.</summary>
    private static string? NamespaceId(string netnsPath)
    {
        var r = ProcessRunner.Run("stat", "-L", "-c", "%i", netnsPath);
        return r.Succeeded ? "net:[" + r.StandardOutput.Trim() + "]" : null;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    /// <summary>SIGKILLs every pid (a process that is already gone is not an error).</summary>
    public static async Task KillAsync(IEnumerable<int> pids)
    {
        var list = pids.Where(p => p > 1 && p != Environment.ProcessId).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        if (list.Count == 0) return;
        await ProcessRunner.RunAsync("kill", new[] { "-KILL" }.Concat(list));
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static IEnumerable<(int Pid, int Parent)> All()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid …": comm may contain spaces and parentheses, so read after the last ')'.
            int close = stat.LastIndexOf(')');
            var fields = close < 0 ? Array.Empty<string>() : stat.Substring(close + 2).Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int parent))
                yield return (pid, parent);
        }
    }
}

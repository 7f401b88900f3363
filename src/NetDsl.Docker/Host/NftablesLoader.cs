using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Planning;

namespace NetDsl.Docker.Host;

/// <summary>
/// Loads NetDsl's own table with one <c>nft -f -</c> (one transaction: the table is replaced atomically, no other
/// table is flushed). The table carries a comment with a hash of the ruleset, so a re-apply that finds the same
/// hash loads nothing.
/// </summary>
public static class NftablesLoader
{
    public static string Hash(string ruleset) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ruleset)))[..16];

    /// <summary>The ruleset with its hash as the table comment ("netdsl &lt;hash&gt;").</summary>
    public static string WithComment(LoadNftablesStep step)
    {
        string marker = "table " + step.Family + " " + step.Table + " {\n";
        return step.Ruleset.Replace(marker, marker + "\tcomment \"netdsl " + Hash(step.Ruleset) + "\"\n");
    }

    public static async Task<bool> IsCurrentAsync(HostShell shell, LoadNftablesStep step)
    {
        var r = await shell.RunAsync("nft", "list", "table", step.Family, step.Table);
        return r.Succeeded && r.StandardOutput.Contains("netdsl " + Hash(step.Ruleset), StringComparison.Ordinal);
    }

    /// <summary>NetDsl's table of this family is loaded (it carries NetDsl's comment: never another tool's table).</summary>
    public static async Task<bool> IsOursAsync(HostShell shell, string family)
    {
        var r = await shell.RunAsync("nft", "list", "table", family, NftablesRuleset.TableName);
        return r.Succeeded && r.StandardOutput.Contains("comment \"netdsl ", StringComparison.Ordinal);
    }

    /// <summary>Deletes NetDsl's table of a family no longer declared; null on success, else nft's error.</summary>
    public static async Task<string?> DeleteAsync(HostShell shell, string family)
    {
        var r = await shell.RunAsync("nft", "delete", "table", family, NftablesRuleset.TableName);
        return r.Succeeded ? null : $"nft delete table {family} {NftablesRuleset.TableName} failed on {shell}: {r.StandardError.Trim()}";
    }

    /// <summary>Null on success, else nft's error.</summary>
    public static async Task<string?> LoadAsync(HostShell shell, LoadNftablesStep step)
    {
        var r = await shell.RunAsync("nft", new[] { "-f", "-" }, WithComment(step));
        return r.Succeeded ? null : $"nft -f (table {step.Family} {step.Table}) failed on {shell}: {r.StandardError.Trim()}";
    }
}

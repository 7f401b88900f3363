using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NetDsl.Docker.Host.Ssh;

/// <summary>
/// OpenSSH's known_hosts, as <c>ssh</c> with StrictHostKeyChecking=yes reads it: a line lists host patterns (plain,
/// comma-separated, <c>[host]:port</c> for other ports, or hashed <c>|1|salt|hmac-sha1</c>), a key type and the key in
/// base64; <c>@revoked</c> lines reject a key; <c>@cert-authority</c> lines are not supported (their hosts count as
/// unknown). A server is trusted only when one of its lines carries exactly the key it presented.
/// </summary>
public static class KnownHosts
{
    public enum Verdict { Trusted, Unknown, Changed, Revoked }

    public static Verdict Check(IEnumerable<string> lines, string knownHostsName, string keyType, byte[] key)
    {
        string blob = Convert.ToBase64String(key);
        bool listed = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string? marker = fields[0].StartsWith('@') ? fields[0] : null;
            if (marker is not null) fields = fields[1..];
            if (fields.Length < 3 || !Matches(fields[0], knownHostsName)) continue;
            bool same = fields[1] == keyType && fields[2] == blob;
            if (marker == "@revoked") { if (same) return Verdict.Revoked; continue; }
            if (marker is not null) continue;
            if (same) return Verdict.Trusted;
            if (fields[1] == keyType) listed = true;
        }
        return listed ? Verdict.Changed : Verdict.Unknown;
    }

    public static IEnumerable<string> ReadAll(IEnumerable<string> files)
    {
        foreach (var f in files)
        {
            string[] lines;
            try { lines = File.Exists(f) ? File.ReadAllLines(f) : Array.Empty<string>(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { lines = Array.Empty<string>(); }
            foreach (var l in lines) yield return l;
        }
    }

    /// <summary>A hashed entry (<c>|1|salt|hash</c>, HMAC-SHA1 of the name keyed by the salt) or a pattern list; a <c>!</c> pattern negates.</summary>
    private static bool Matches(string patterns, string name)
    {
        if (patterns.StartsWith("|1|", StringComparison.Ordinal))
        {
            var parts = patterns.Split('|');
            if (parts.Length != 4) return false;
            try
            {
                using var hmac = new HMACSHA1(Convert.FromBase64String(parts[2]));
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(name))) == parts[3];
            }
            catch (FormatException) { return false; }
        }
        bool any = false;
        foreach (var p in patterns.Split(','))
        {
            bool negated = p.StartsWith('!');
            if (Glob(negated ? p[1..] : p, name)) { if (negated) return false; any = true; }
        }
        return any;
    }

    private static bool Glob(string pattern, string name)
    {
        if (!pattern.Contains('*') && !pattern.Contains('?')) return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(name, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}

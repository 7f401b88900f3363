using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetDsl.Docker.Host.Ssh;

/// <summary>
/// Who to log in as, where, and with what: <c>ssh://[user@]host[:port]</c> (port 22, user the local user when
/// omitted), the private keys to offer (<c>--ssh-key</c>, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa as OpenSSH does)
/// and the known_hosts files the server's key must be in (~/.ssh/known_hosts, /etc/ssh/ssh_known_hosts).
/// </summary>
public sealed record SshTarget(string User, string Host, int Port, IReadOnlyList<string> KeyFiles, IReadOnlyList<string> KnownHostsFiles)
{
    public const int DefaultPort = 22;

    public static string SshDirectory => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh");

    public static SshTarget From(Uri uri, string? keyFile)
    {
        string user = uri.UserInfo.Length > 0 ? Uri.UnescapeDataString(uri.UserInfo) : Environment.UserName;
        string host = uri.Host.StartsWith('[') ? uri.Host[1..^1] : uri.Host;
        var keys = keyFile is not null
            ? new[] { keyFile }
            : new[] { "id_ed25519", "id_ecdsa", "id_rsa" }.Select(k => Path.Combine(SshDirectory, k)).Where(File.Exists).ToArray();
        var known = new[] { Path.Combine(SshDirectory, "known_hosts"), "/etc/ssh/ssh_known_hosts" };
        return new SshTarget(user, host, uri.Port > 0 ? uri.Port : DefaultPort, keys, known);
    }

    /// <summary>The name known_hosts lists the server under: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public string KnownHostsName => Port == DefaultPort ? Host : $"[{Host}]:{Port}";

    public override string ToString() => $"{User}@{(Host.Contains(':') ? "[" + Host + "]" : Host)}{(Port == DefaultPort ? "" : ":" + Port)}";

    public bool Equals(SshTarget? other) => other is not null && User == other.User && Host == other.Host && Port == other.Port
        && KeyFiles.SequenceEqual(other.KeyFiles) && KnownHostsFiles.SequenceEqual(other.KnownHostsFiles);

    public override int GetHashCode() => HashCode.Combine(User, Host, Port, KeyFiles.Count);
}

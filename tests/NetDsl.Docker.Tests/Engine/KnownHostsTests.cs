using System;
using System.Security.Cryptography;
using System.Text;
using NetDsl.Docker.Engine;
using NetDsl.Docker.Host.Ssh;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Engine;

/// <summary>known_hosts as OpenSSH reads it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"), and ssh:// endpoints.</summary>
public class KnownHostsTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("host-key-blob");
    private static readonly byte[] Other = Encoding.ASCII.GetBytes("another-key");
    private static string B64(byte[] k) => Convert.ToBase64String(k);

    private static KnownHosts.Verdict Check(string known, string name = "[h.example]:2222") =>
        KnownHosts.Check(known.Split('\n'), name, "ssh-ed25519", Key);

    [Test]
    public void A_plain_entry_for_the_port_trusts_exactly_its_key()
    {
        Assert.That(Check($"[h.example]:2222 ssh-ed25519 {B64(Key)}"), Is.EqualTo(KnownHosts.Verdict.Trusted));
        Assert.That(Check($"h.example ssh-ed25519 {B64(Key)}"), Is.EqualTo(KnownHosts.Verdict.Unknown), "port 22's entry is not port 2222's");
        Assert.That(Check($"h.example ssh-ed25519 {B64(Key)}", "h.example"), Is.EqualTo(KnownHosts.Verdict.Trusted));
        Assert.That(Check($"other,h.example ssh-ed25519 {B64(Key)}", "h.example"), Is.EqualTo(KnownHosts.Verdict.Trusted), "a pattern list");
    }

    [Test]
    public void Another_key_of_the_same_type_is_a_changed_key_and_another_type_is_unknown()
    {
        Assert.That(Check($"[h.example]:2222 ssh-ed25519 {B64(Other)}"), Is.EqualTo(KnownHosts.Verdict.Changed));
        Assert.That(Check($"[h.example]:2222 ssh-rsa {B64(Other)}"), Is.EqualTo(KnownHosts.Verdict.Unknown));
        Assert.That(Check($"[h.example]:2222 ssh-ed25519 {B64(Other)}\n[h.example]:2222 ssh-ed25519 {B64(Key)}"), Is.EqualTo(KnownHosts.Verdict.Trusted), "any line with the key trusts it");
    }

    [Test]
    public void A_hashed_entry_matches_the_hmac_of_the_name()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
        using var hmac = new HMACSHA1(salt);
        string hashed = $"|1|{B64(salt)}|{B64(hmac.ComputeHash(Encoding.ASCII.GetBytes("[h.example]:2222")))}";
        Assert.That(Check($"{hashed} ssh-ed25519 {B64(Key)}"), Is.EqualTo(KnownHosts.Verdict.Trusted));
        Assert.That(Check($"{hashed} ssh-ed25519 {B64(Key)}", "h.example"), Is.EqualTo(KnownHosts.Verdict.Unknown));
        Assert.That(Check($"|1|not-base64|x ssh-ed25519 {B64(Key)}"), Is.EqualTo(KnownHosts.Verdict.Unknown), "a damaged line never throws");
    }

    [Test]
    public void Wildcards_negation_revocation_and_comments()
    {
        Assert.That(Check($"*.example ssh-ed25519 {B64(Key)}", "h.example"), Is.EqualTo(KnownHosts.Verdict.Trusted));
        Assert.That(Check($"*.example,!h.example ssh-ed25519 {B64(Key)}", "h.example"), Is.EqualTo(KnownHosts.Verdict.Unknown));
        Assert.That(Check($"@revoked * ssh-ed25519 {B64(Key)}\n[h.example]:2222 ssh-ed25519 {B64(Key)}"), Is.EqualTo(KnownHosts.Verdict.Revoked));
        Assert.That(Check($"# [h.example]:2222 ssh-ed25519 {B64(Key)}\n\n  \ngarbage"), Is.EqualTo(KnownHosts.Verdict.Unknown));
        Assert.That(Check($"@cert-authority *.example ssh-ed25519 {B64(Key)}", "h.example"), Is.EqualTo(KnownHosts.Verdict.Unknown), "certificates are not supported");
    }

    [TestCase("ssh://deploy@h.example", "deploy", "h.example", 22)]
    [TestCase("ssh://h.example:2222", null, "h.example", 2222)]
    [TestCase("ssh://root@[fd00::1]:2200", "root", "fd00::1", 2200)]
    public void An_ssh_endpoint_names_user_host_and_port(string uri, string? user, string host, int port)
    {
        var endpoint = EngineEndpoint.Resolve(uri, out var error);
        Assert.That(error, Is.Null);
        Assert.That(endpoint!.IsSsh && endpoint.ReachesHost && !endpoint.IsLocal, Is.True);
        var target = endpoint.Ssh!;
        Assert.That((target.User, target.Host, target.Port), Is.EqualTo((user ?? Environment.UserName, host, port)));
        Assert.That(target.KnownHostsName, Is.EqualTo(port == 22 ? host : $"[{host}]:{port}"));
    }

    [Test]
    public void Tls_material_and_a_key_go_only_with_their_schemes()
    {
        Assert.That(EngineEndpoint.Resolve("ssh://h", out var tlsError, tlsDirectory: "/tmp"), Is.Null);
        Assert.That(tlsError, Does.Contain("are for tcp:// endpoints"));
        Assert.That(EngineEndpoint.Resolve("tcp://h:2376", out var keyError, sshKey: "/etc/hostname"), Is.Null);
        Assert.That(keyError, Does.Contain("is for ssh:// endpoints"));
        Assert.That(EngineEndpoint.Resolve("ssh://h", out var missing, sshKey: "/nonexistent/key"), Is.Null);
        Assert.That(missing, Does.Contain("does not exist"));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Lab.Docker;
using NetDsl.Lab.Namespaces;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// A file with several docker-hosts: each reached by its own endpoint — TCP with TLS client certificates (made here),
/// a Docker context name — applied concurrently from a client namespace; a host whose engine is not there fails
/// alone and the summary names every host's result. Two private dockerds listen on TCP+TLS in their own namespaces,
/// joined to the client namespace by veth pairs (addresses fd00:dd:N::/64, nothing leaves the namespaces).
/// </summary>
[TestFixture, NonParallelizable]
public class ManyHostsFaultTests
{
    private readonly string _suffix = (Environment.ProcessId % 100000).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly List<string> _dockerds = new();
    private NetworkNamespace? _client;
    private TestPki? _pki;
    private string _work = "";

    private string ClientName => "ndsl-apc-" + _suffix;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        LabRequirement.RequireDockerd();
        _work = Path.Combine(Path.GetTempPath(), "netdsl-apply-tls-" + _suffix);
        Directory.CreateDirectory(_work);
        _pki = new TestPki("netdsl-test-ca-" + _suffix);
        _client = await NetworkNamespace.CreateAsync(ClientName);
        for (int i = 1; i <= 2; i++) await StartTlsDockerdAsync(i);
        _pki.Issue(Path.Combine(_work, "client"), "netdsl-client");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var name in _dockerds) await PrivateDockerd.RemoveAsync(name);
        if (_client is not null) await _client.DisposeAsync();
        _pki?.Dispose();
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        foreach (var name in _dockerds.Append(ClientName)) Assert.That(NetworkNamespace.Exists(name), Is.False, "namespace left: " + name);
    }

    private static string Address(int i) => $"fd00:dd:{i}::2";

    /// <summary>dockerd N in its own namespace: unix socket (for the test's own checks) and tcp://[fd00:dd:N::2]:2376 with --tlsverify.</summary>
    private async Task StartTlsDockerdAsync(int i)
    {
        string name = $"ndsl-apt{i}-{_suffix}";
        _dockerds.Add(name);
        var ns = await NetworkNamespace.CreateAsync(name);
        await _client!.ConnectAsync($"apc{i}-{_suffix}", ns, $"apt{i}-{_suffix}");
        await _client.ExecCheckedAsync("ip", "addr", "add", $"fd00:dd:{i}::1/64", "dev", $"apc{i}-{_suffix}", "nodad");
        await ns.ExecCheckedAsync("ip", "addr", "add", Address(i) + "/64", "dev", $"apt{i}-{_suffix}", "nodad");
        string folder = PrivateDockerd.FolderFor(name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "daemon.json"), "{ \"shutdown-timeout\": 1 }\n");
        _pki!.Issue(Path.Combine(folder, "tls"), "dockerd-" + i, IPAddress.Parse(Address(i)));
        string tls = Path.Combine(folder, "tls");
        var started = await ProcessRunner.RunAsync("sh", new[]
        {
            "-c", "setsid \"$@\" </dev/null >>\"$0\" 2>&1 &", Path.Combine(folder, "dockerd.log"),
            "nsenter", "--net=" + ns.Path, "dockerd", "--data-root", Path.Combine(folder, "data"), "--exec-root", Path.Combine(folder, "exec"),
            "-H", "unix://" + Path.Combine(folder, "docker.sock"), "-H", $"tcp://[{Address(i)}]:2376",
            "--tlsverify", "--tlscacert", Path.Combine(tls, "ca.pem"), "--tlscert", Path.Combine(tls, "cert.pem"), "--tlskey", Path.Combine(tls, "key.pem"),
            "--pidfile", Path.Combine(folder, "docker.pid"), "--config-file", Path.Combine(folder, "daemon.json"),
        });
        started.EnsureSuccess();
        var dockerd = PrivateDockerd.Attach(name);
        for (int t = 0; t < 150 && !(File.Exists(dockerd.SocketPath) && (await dockerd.DockerAsync("version")).Succeeded); t++) await Task.Delay(200);
        (await dockerd.DockerAsync("version")).EnsureSuccess();
        await dockerd.ImportBusyboxAsync(TestModels.Image);
    }

    private string File3Hosts()
    {
        var sb = new StringBuilder($"let IMAGE = \"{TestModels.Image}\"\n");
        for (int i = 1; i <= 3; i++)
            sb.Append($"docker-host h{i} {{ }}\nnetwork mh{i}_nw on h{i} {{ subnet fd00:de:{i}::/64 }}\n")
              .Append($"container mh{i} on mh{i}_nw {{ image IMAGE  command [\"/bin/sh\"]  tty }}\n");
        string path = Path.Combine(_work, "hosts.netdsl");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>A Docker context named NAME for dockerd 2, with its TLS material, in a config folder of the test's own.</summary>
    private string MakeContext(string name)
    {
        string config = Path.Combine(_work, "docker-config");
        string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        Directory.CreateDirectory(Path.Combine(config, "contexts", "meta", id));
        File.WriteAllText(Path.Combine(config, "contexts", "meta", id, "meta.json"),
            "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"tcp://[" + Address(2) + "]:2376\",\"SkipTLSVerify\":false}}}");
        string tls = Path.Combine(config, "contexts", "tls", id, "docker");
        Directory.CreateDirectory(tls);
        foreach (var pem in new[] { "ca.pem", "cert.pem", "key.pem" }) File.Copy(Path.Combine(_work, "client", pem), Path.Combine(tls, pem), overwrite: true);
        return config;
    }

    private async Task<(int Code, string Output)> InClientNamespaceAsync(string dockerConfig, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "NetDsl.Cli");
        var r = await ProcessRunner.RunAsync("ip", new[] { "netns", "exec", ClientName, "env", "DOCKER_CONFIG=" + dockerConfig, cli }.Concat(args), timeout: TimeSpan.FromMinutes(3));
        string output = r.StandardOutput + r.StandardError;
        TestContext.Out.WriteLine("$ netdsl " + string.Join(" ", args) + "  → " + r.ExitCode + "\n" + output);
        return (r.ExitCode, output);
    }

    [Test]
    public async Task Hosts_over_tls_and_a_context_apply_concurrently_and_a_missing_engine_fails_alone()
    {
        string file = File3Hosts();
        string config = MakeContext("ndsl-ctx-h2");
        string[] endpoints =
        {
            "--docker-host", $"h1=tcp://[{Address(1)}]:2376", "--tls-dir", "h1=" + Path.Combine(_work, "client"),
            "--docker-host", "h2=ndsl-ctx-h2",
            "--docker-host", "h3=tcp://[fd00:dd:1::2]:2377", "--tls-dir", "h3=" + Path.Combine(_work, "client"),
        };
        var (code, output) = await InClientNamespaceAsync(config, new[] { "apply", file }.Concat(endpoints).ToArray());
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("netdsl: host h1: applying (tcp://[" + Address(1) + "]:2376)"));
        Assert.That(output, Does.Contain("netdsl: host h2: applying (tcp://[" + Address(2) + "]:2376 (context ndsl-ctx-h2))"));
        Assert.That(output, Does.Match(@"summary:\n  h1 +ok .*\n  h2 +ok .*\n  h3 +failed \(exit 1\) .*nothing listens at tcp://\[fd00:dd:1::2\]:2377"));
        for (int i = 1; i <= 2; i++)
        {
            var engine = PrivateDockerd.Attach(_dockerds[i - 1]);
            Assert.That((await engine.DockerAsync("inspect", "-f", "{{.State.Running}}", "mh" + i)).StandardOutput.Trim(), Is.EqualTo("true"), "host h" + i);
            Assert.That((await engine.DockerAsync("ps", "-a", "--format", "{{.Names}}")).StandardOutput, Does.Not.Contain("mh3"));
        }
        var (again, againOut) = await InClientNamespaceAsync(config, "plan", file, "--host", "h1", "--docker-host", $"tcp://[{Address(1)}]:2376", "--tls-dir", Path.Combine(_work, "client"));
        Assert.That(again, Is.EqualTo(0), againOut);
    }

    [Test]
    public async Task A_client_certificate_the_engine_does_not_trust_is_one_clear_line()
    {
        using var other = new TestPki("another-ca");
        string strange = Path.Combine(_work, "strange");
        other.Issue(strange, "stranger");
        var (code, output) = await InClientNamespaceAsync(_work, "plan", File3Hosts(), "--host", "h1", "--docker-host", $"tcp://[{Address(1)}]:2376", "--tls-dir", strange);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("TLS"));
        Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("internal error"));
    }
}

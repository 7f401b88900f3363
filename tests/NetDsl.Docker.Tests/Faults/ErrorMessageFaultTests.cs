using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using static NetDsl.Docker.Tests.Faults.FaultLab;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// Every fault ends in one line that names the cause and the fix, a non-zero exit and no stack trace: malformed
/// endpoints, a refused port, a server that is not Docker, a socket the user may not open, a stopped container in
/// verify, an engine that is down during plan.
/// </summary>
[TestFixture, NonParallelizable]
public class ErrorMessageFaultTests
{
    [SetUp]
    public void Lab() => Require();

    private static string SmallFile => File("em.netdsl", Small("em_nw", "fd00:e1::/64", "em_c"));

    private static void AssertOneClearLine((int Code, string Output) r, string expected)
    {
        Assert.That(r.Code, Is.Not.EqualTo(0), r.Output);
        Assert.That(r.Output, Does.Contain(expected));
        Assert.That(r.Output, Does.Not.Contain("   at ").And.Not.Contain("Exception").And.Not.Contain("internal error"), "a stack trace or a raw exception");
    }

    private static (int, string) Plan(string host)
    {
        var args = Args("plan", SmallFile);
        args[args.IndexOf("--docker-host") + 1] = host;
        var stdout = new System.IO.StringWriter();
        var stderr = new System.IO.StringWriter();
        int code = NetDsl.Cli.Program.Run(args.ToArray(), stdout, stderr);
        TestContext.Out.WriteLine("$ netdsl " + string.Join(" ", args) + "  → " + code + "\n" + stdout + stderr);
        return (code, stdout + stderr.ToString());
    }

    [TestCase("unix://", "a unix socket needs a path")]
    [TestCase("tcp://", "is not a Docker host")]
    [TestCase("tcp://127.0.0.1:2375 trailing", "it contains spaces")]
    [TestCase("tcp://127.0.0.1:2375/v1.41?x=1", "it has text after the address")]
    [TestCase("tcp://127.0.0.1", "it names no port")]
    [TestCase("gopher://h:70", "the scheme 'gopher' is not one NetDsl speaks")]
    [TestCase("ssh://root:secret@h", "it carries a password; NetDsl logs in with keys only")]
    [TestCase("ssh://root@h/var/run/docker.sock", "it has a path after the host")]
    [TestCase("tcp://root@h:2375", "it names a user, which only ssh:// endpoints do")]
    public void A_malformed_endpoint_is_one_line(string host, string expected) => AssertOneClearLine(Plan(host), expected);

    [Test]
    public void A_refused_tcp_port_says_nothing_listens_and_plan_exits_1()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var r = Plan("tcp://127.0.0.1:" + port);
        AssertOneClearLine(r, "nothing listens at tcp://127.0.0.1:" + port + " (connection refused)");
        Assert.That(r.Item1, Is.EqualTo(1), "plan with an unreachable engine is an error, not 'changes pending'");
    }

    [Test]
    public async Task A_server_that_is_not_docker_is_named_as_such()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            // Answers every request as a plain web server would: 404 with an HTML page. Bounded: at most 20 requests.
            for (int i = 0; i < 20; i++)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var buffer = new byte[8192];
                await stream.ReadAsync(buffer);
                var body = "<html><body>Not Found</body></html>";
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
            }
        });
        try
        {
            AssertOneClearLine(Plan("tcp://127.0.0.1:" + port), "answered HTTP 404, but not as a Docker engine does");
        }
        finally
        {
            listener.Stop();
            try { await server; } catch (Exception e) when (e is SocketException or ObjectDisposedException or System.IO.IOException) { }
        }
    }

    [Test]
    public async Task A_socket_the_user_may_not_open_says_permission_denied()
    {
        var p = StartCli(Args("plan", SmallFile), asUser: "nobody");
        var r = await FinishAsync(p, TimeSpan.FromSeconds(60));
        AssertOneClearLine(r, "permission denied on " + Dockerd.Host + "; run as root or as a member of the socket's group");
    }

    [Test]
    public async Task Verify_of_a_stopped_container_says_it_is_not_running()
    {
        Assert.That(Netdsl("apply", SmallFile).Code, Is.EqualTo(0));
        await DockerAsync("stop", "-t", "0", "em_c");
        var r = Netdsl("verify", SmallFile, "--skip-external");
        AssertOneClearLine(r, "the container is not running; start it");
        Assert.That(r.Output, Does.Not.Contain("name is already taken"));
        await AssertNothingLostAsync();
    }
}

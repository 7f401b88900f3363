using System.Linq;
using NUnit.Framework;

namespace NetDsl.Tests.Engines;

/// <summary>
/// The address predictions held to outputs quoted in Docker's own documentation. From docker/docs
/// content/manuals/engine/daemon/ipv6.md (commit 16e452c8eaea26cec842cbf1065037fb2015001f; Apache License 2.0,
/// Copyright Docker, Inc.), quoted unchanged:
/// <code>
/// $ docker network create --ipv6 --subnet 2001:db8::/64 ip6net
/// $ docker run --rm --network ip6net -p 80:80 traefik/whoami
/// $ curl http://[::1]:80
/// Hostname: ea1cfde18196
/// IP: 127.0.0.1
/// IP: ::1
/// IP: 172.17.0.2
/// IP: 2001:db8::2
/// IP: fe80::42:acff:fe11:2
/// RemoteAddr: [2001:db8::1]:37574
/// </code>
/// The container's IPv6 is the subnet's first free address, the gateway (the bridge, where the userland proxy's
/// connection comes from) its ::1, and the link-local the EUI-64 of 02:42 + the IPv4 172.17.0.2 — the MAC rule the
/// table gives Docker before 28.0. From 28.0 the MAC is random, so the same output could not be predicted.
/// </summary>
public class DockerDocsFixtureTests
{
    private const string File = "docker-host h {{ engine {0} }}\n" +
                                "network ip6net on h {{ subnet 2001:db8::/64  subnet 172.17.0.0/16 }}\n" +
                                "container whoami on ip6net {{ image \"traefik/whoami\" }}\n";

    [TestCase("20.10")]
    [TestCase("27.5")]
    public void Before_28_every_quoted_address_is_predicted(string engine)
    {
        var model = TestCompile.Compile(string.Format(System.Globalization.CultureInfo.InvariantCulture, File, engine)).Model!;
        var a = model.Containers.Single().Attachments.Single();
        Assert.That(a.Ipv6.ToString(), Is.EqualTo("2001:db8::2"));
        Assert.That(a.Ipv4?.ToString(), Is.EqualTo("172.17.0.2"));
        Assert.That(a.LinkLocal?.ToString(), Is.EqualTo("fe80::42:acff:fe11:2"));
        Assert.That(model.Networks.Single().Gateway6.ToString(), Is.EqualTo("2001:db8::1"));
    }

    [Test]
    public void From_28_the_link_local_is_left_to_observation()
    {
        var model = TestCompile.Compile(string.Format(System.Globalization.CultureInfo.InvariantCulture, File, "28.0")).Model!;
        var a = model.Containers.Single().Attachments.Single();
        Assert.That(a.Ipv6.ToString(), Is.EqualTo("2001:db8::2"));
        Assert.That((a.Mac, a.LinkLocal), Is.EqualTo(((NetDsl.Addressing.MacAddress?)null, (NetDsl.Addressing.IpAddress?)null)));
    }
}

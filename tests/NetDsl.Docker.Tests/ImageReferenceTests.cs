using NetDsl.Docker.Apply;
using NUnit.Framework;

namespace NetDsl.Docker.Tests;

/// <summary>Drift compares images as references: Podman reports the fully qualified name of what Docker reports short.</summary>
public class ImageReferenceTests
{
    [TestCase("busybox", "docker.io/library/busybox:latest")]
    [TestCase("netdsl-busybox:v2", "docker.io/library/netdsl-busybox:v2")]
    [TestCase("docker.io/library/netdsl-busybox:latest", "docker.io/library/netdsl-busybox:latest")]
    [TestCase("team/app", "docker.io/team/app:latest")]
    [TestCase("index.docker.io/team/app:1", "docker.io/team/app:1")]
    [TestCase("registry.example.com:5000/team/app:1.2", "registry.example.com:5000/team/app:1.2")]
    [TestCase("localhost/app", "localhost/app:latest")]
    [TestCase("alpine@sha256:abc", "docker.io/library/alpine@sha256:abc")]
    [TestCase("alpine:3.20@sha256:abc", "docker.io/library/alpine:3.20@sha256:abc")]
    public void Normalizes_like_distribution_reference(string reference, string normalized) =>
        Assert.That(ImageReference.Normalize(reference), Is.EqualTo(normalized));

    [Test]
    public void A_different_tag_is_still_drift() =>
        Assert.That(ImageReference.Normalize("netdsl-busybox:v2"), Is.Not.EqualTo(ImageReference.Normalize("docker.io/library/netdsl-busybox:latest")));
}

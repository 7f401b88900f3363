using System.Net;
using Docker.DotNet;
using NetDsl.Docker.Engine;
using NUnit.Framework;

namespace NetDsl.Docker.Tests.Engine;

/// <summary>containerd's "task already exists" leftovers, in containerd's exact words (services/tasks/local.go, runtime/task_list.go).</summary>
public class StaleTaskTests
{
    private const string Id = "86f801a5dc4e03642b128a8f909c2f99dce0b4f97f02dc08cf8b36987887abe9";

    [TestCase("task " + Id + ": already exists")]
    [TestCase("failed to create task for container: task " + Id + ": already exists: unknown")]
    [TestCase(Id + ": task already exists")]
    public void The_engines_leftover_is_recognised_with_its_container(string message) =>
        Assert.That(EngineErrors.StaleTask(message), Is.EqualTo(Id));

    [TestCase("Conflict. The container name \"/web\" is already in use by container \"" + Id + "\"")]
    [TestCase("network with name n already exists")]
    public void Other_conflicts_are_not(string message) => Assert.That(EngineErrors.StaleTask(message), Is.Null);

    [TestCase("task " + Id + ": already exists")]
    [TestCase(Id + ": task already exists")]
    public void A_refused_start_carries_it_in_the_engines_error_body(string message)
    {
        var refusal = new DockerApiException(HttpStatusCode.InternalServerError,
            "{\"message\":\"failed to create task for container: " + message + ": unknown\"}\n");
        Assert.That(EngineErrors.StaleTaskOf(refusal), Is.EqualTo(Id));
        Assert.That(EngineErrors.StaleTaskOf(new System.AggregateException(refusal)), Is.EqualTo(Id), "Docker.DotNet wraps some failures");
    }

    [Test]
    public void A_body_that_is_not_the_engines_is_not_read_as_a_leftover()
    {
        var html = new DockerApiException(HttpStatusCode.InternalServerError, "<html>task " + Id + ": already exists</html>");
        Assert.That(EngineErrors.StaleTaskOf(html), Is.Null);
        Assert.That(EngineErrors.StaleTaskOf(new System.IO.IOException("task " + Id + ": already exists")), Is.Null);
    }
}

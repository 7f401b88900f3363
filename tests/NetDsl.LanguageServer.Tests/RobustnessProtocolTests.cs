using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace NetDsl.LanguageServer.Tests;

/// <summary>What a client may get wrong: the server answers with an error and keeps serving; it never dies.</summary>
public class RobustnessProtocolTests
{
    [Test]
    public void Bad_requests_get_errors_and_the_server_keeps_serving()
    {
        using var client = new LspClient();
        Assert.That(client.Request("textDocument/hover", LspClient.At("file:///x.netdsl", 0, 0))["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32002), "before initialize");
        client.Initialize();
        Assert.That(client.Request("no/such/method")["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32601));
        Assert.That(client.Request("textDocument/hover", new JsonObject())["error"]!["code"]!.GetValue<int>(), Is.EqualTo(-32602), "no textDocument");
        Assert.That(client.Request("textDocument/hover", LspClient.At("file:///not-open.netdsl", 0, 0))["error"]!["message"]!.GetValue<string>(), Does.Contain("not open"));

        // Not JSON at all, then a frame with no Content-Length: the server says so and reads on.
        var garbage = Encoding.UTF8.GetBytes("{not json");
        client.SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {garbage.Length}\r\n\r\n"));
        client.SendRaw(garbage);
        client.SendRaw(Encoding.ASCII.GetBytes("X-Nothing: 1\r\n\r\n"));

        // Positions outside the text and an empty document are fine.
        client.Open("file:///x.netdsl", "");
        client.Notification("textDocument/publishDiagnostics");
        Assert.That(client.Request("textDocument/hover", LspClient.At("file:///x.netdsl", 99, 99))["error"], Is.Null);
        Assert.That(client.Request("textDocument/completion", LspClient.At("file:///x.netdsl", 99, 99))["error"], Is.Null);
        Assert.That(client.Shutdown(), Is.EqualTo(0));
    }

    [Test]
    public void Exit_without_shutdown_exits_1_and_a_closed_input_ends_the_server()
    {
        using (var client = new LspClient())
        {
            client.Initialize();
            client.Notify("exit", new JsonObject());
            Assert.That(client.WaitForExit(10000), Is.True);
            Assert.That(client.ExitCode, Is.EqualTo(1));
        }
        using (var client = new LspClient())
        {
            client.Initialize();
            client.Input.Close();
            Assert.That(client.WaitForExit(10000), Is.True);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using NetDsl.TestSupport;

namespace NetDsl.LanguageServer.Tests;

/// <summary>
/// A minimal LSP client over a real `netdsl lsp` process's stdio: what an editor does, byte for byte (Content-Length
/// framing, JSON-RPC ids), so the tests exercise the server exactly as editors start it.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<JsonObject> _incoming = new();
    private readonly List<JsonObject> _notifications = new();
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    public static string CliDll
    {
        get
        {
            string configuration = AppContext.BaseDirectory.Contains("/Debug/") ? "Debug" : "Release";
            return Path.Combine(RepoPaths.Root, "src", "NetDsl.Cli", "bin", configuration, "net10.0", "NetDsl.Cli.dll");
        }
    }

    public LspClient(int diagnosticsDelayMs = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { CliDll, "lsp", "--diagnostics-delay", diagnosticsDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true }.Start();
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public Stream Input => _process.StandardInput.BaseStream;

    private void ReadLoop()
    {
        var stream = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                string line;
                while ((line = ReadLine(stream)) != "")
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
                }
                var body = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = stream.Read(body, read, length - read);
                    if (n <= 0) throw new EndOfStreamException();
                    read += n;
                }
                _incoming.Add((JsonObject)JsonNode.Parse(body)!);
            }
        }
        catch (Exception)
        {
            _incoming.CompleteAdding();
        }
    }

    private static string ReadLine(Stream stream)
    {
        var sb = new StringBuilder();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) throw new EndOfStreamException();
            if (b == '\n') return sb.ToString().TrimEnd('\r');
            sb.Append((char)b);
        }
    }

    public void SendRaw(byte[] bytes)
    {
        Input.Write(bytes, 0, bytes.Length);
        Input.Flush();
    }

    public void Send(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        SendRaw(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").AsSpan().ToArray());
        SendRaw(body);
    }

    public void Notify(string method, JsonObject parameters) => Send(new JsonObject { ["method"] = method, ["params"] = parameters });

    /// <summary>Sends a request and returns the whole response (result or error), keeping notifications that arrive meanwhile.</summary>
    public JsonObject Request(string method, JsonObject? parameters = null, int timeoutMs = 20000)
    {
        int id = Interlocked.Increment(ref _nextId);
        Send(new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() });
        return Next(m => m["id"]?.GetValue<int>() == id && m["method"] is null, timeoutMs, "response to " + method);
    }

    public JsonNode? Result(string method, JsonObject? parameters = null)
    {
        var response = Request(method, parameters);
        if (response["error"] is { } error) throw new InvalidOperationException(method + " failed: " + error.ToJsonString());
        return response["result"];
    }

    /// <summary>The next notification of a method (already received or arriving within the timeout) that matches.</summary>
    public JsonObject Notification(string method, Func<JsonObject, bool>? match = null, int timeoutMs = 20000)
    {
        lock (_notifications)
        {
            int i = _notifications.FindIndex(n => n["method"]?.GetValue<string>() == method && (match?.Invoke((JsonObject)n["params"]!) ?? true));
            if (i >= 0)
            {
                var found = _notifications[i];
                _notifications.RemoveAt(i);
                return (JsonObject)found["params"]!;
            }
        }
        var message = Next(m => m["method"]?.GetValue<string>() == method && (match?.Invoke((JsonObject)m["params"]!) ?? true), timeoutMs, method);
        return (JsonObject)message["params"]!;
    }

    /// <summary>Notifications of a method received so far (and not yet taken).</summary>
    public List<JsonObject> Received(string method)
    {
        lock (_notifications) return _notifications.FindAll(n => n["method"]?.GetValue<string>() == method).ConvertAll(n => (JsonObject)n["params"]!);
    }

    private JsonObject Next(Func<JsonObject, bool> match, int timeoutMs, string what)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_incoming.TryTake(out var message, left))
                throw new TimeoutException($"no {what} within {timeoutMs} ms (exited: {_process.HasExited}); stderr: {Stderr}");
            if (match(message)) return message;
            if (message["method"] is not null && message["id"] is null) lock (_notifications) _notifications.Add(message);
        }
    }

    public JsonObject Initialize(JsonObject? initializationOptions = null)
    {
        var result = (JsonObject)Result("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = null,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = initializationOptions,
        })!;
        Notify("initialized", new JsonObject());
        return result;
    }

    public void Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "netdsl", ["version"] = version, ["text"] = text } });

    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    /// <summary>shutdown, exit, and the process's exit code.</summary>
    public int Shutdown()
    {
        Result("shutdown");
        Notify("exit", new JsonObject());
        if (!_process.WaitForExit(10000)) throw new TimeoutException("the server did not exit");
        return _process.ExitCode;
    }

    public bool WaitForExit(int ms) => _process.WaitForExit(ms);

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

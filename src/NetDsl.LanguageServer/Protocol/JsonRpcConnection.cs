using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace NetDsl.LanguageServer.Protocol;

/// <summary>
/// JSON-RPC 2.0 over a byte stream with LSP's framing (<c>Content-Length: N\r\n\r\n</c> then N bytes of UTF-8 JSON).
/// Reading is one thread's job; writing is locked, so replies and notifications from a timer never interleave.
/// The protocol needs only this much; a library would add a dependency and hide the ordering the server relies on.
/// </summary>
public sealed class JsonRpcConnection
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly object _writeLock = new();

    public JsonRpcConnection(Stream input, Stream output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>The next message, or null at the end of the input. A malformed frame is skipped (and reported through <paramref name="error"/>).</summary>
    public JsonObject? Read(out string? error)
    {
        error = null;
        while (true)
        {
            int length = -1;
            while (true)
            {
                string? header = ReadHeaderLine();
                if (header is null) return null;
                if (header.Length == 0) break;
                int colon = header.IndexOf(':');
                if (colon > 0 && header.Substring(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(header.Substring(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                    length = n;
            }
            if (length < 0) { error = "a message without Content-Length"; continue; }
            var body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int got = _input.Read(body, read, length - read);
                if (got <= 0) return null;
                read += got;
            }
            try
            {
                if (JsonNode.Parse(body) is JsonObject message) return message;
                error = "a message that is not a JSON object";
            }
            catch (JsonException e)
            {
                error = "a message that is not JSON: " + e.Message;
            }
            return new JsonObject { ["__invalid"] = true };
        }
    }

    private string? ReadHeaderLine()
    {
        var bytes = new StringBuilder();
        while (true)
        {
            int b = _input.ReadByte();
            if (b < 0) return bytes.Length == 0 ? null : bytes.ToString();
            if (b == '\n') return bytes.ToString().TrimEnd('\r');
            bytes.Append((char)b);
            if (bytes.Length > 8192) return bytes.ToString();   // not a header: let the caller skip it
        }
    }

    public void Send(JsonObject message)
    {
        message["jsonrpc"] = "2.0";
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (_writeLock)
        {
            _output.Write(header, 0, header.Length);
            _output.Write(body, 0, body.Length);
            _output.Flush();
        }
    }

    public void Reply(JsonNode? id, JsonNode? result) =>
        Send(new JsonObject { ["id"] = id?.DeepClone(), ["result"] = result });

    public void ReplyError(JsonNode? id, int code, string message) =>
        Send(new JsonObject { ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["method"] = method, ["params"] = parameters });
}

/// <summary>JSON-RPC and LSP error codes the server uses.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
}

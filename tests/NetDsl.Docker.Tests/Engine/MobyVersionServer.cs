using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace NetDsl.Docker.Tests.Engine;

/// <summary>
/// A small HTTP engine that answers <c>GET /version</c> and refuses API versions outside its range exactly as moby's
/// version middleware does. The refusal is moby's, quoted from daemon/server/middleware/version.go (docker-v29.0.0):
/// <code>
/// // moby/moby — Copyright 2012-2017 Docker, Inc. (its NOTICE); Apache License, Version 2.0
/// // (https://www.apache.org/licenses/LICENSE-2.0); quoted unchanged from moby/moby.
/// func (e versionUnsupportedError) Error() string {
///     if e.minVersion != "" {
///         return fmt.Sprintf("client version %s is too old. Minimum supported API version is %s, please upgrade your client to a newer version", e.version, e.minVersion)
///     }
///     return fmt.Sprintf("client version %s is too new. Maximum supported API version is %s", e.version, e.maxVersion)
/// }
/// func (e versionUnsupportedError) InvalidParameter() {}   // → HTTP 400
/// ...
///     w.Header().Set("Server", fmt.Sprintf("Docker/%s (%s)", v.serverVersion, runtime.GOOS))
///     w.Header().Set("Api-Version", v.defaultAPIVersion)
///     w.Header().Set("Ostype", runtime.GOOS)
///     apiVersion := vars["version"]
///     if apiVersion == "" { apiVersion = v.defaultAPIVersion }
///     if versions.LessThan(apiVersion, v.minAPIVersion) { return versionUnsupportedError{version: apiVersion, minVersion: v.minAPIVersion} }
///     if versions.GreaterThan(apiVersion, v.defaultAPIVersion) { return versionUnsupportedError{version: apiVersion, maxVersion: v.defaultAPIVersion} }
/// </code>
/// An error body is <c>{"message": "…"}</c> (moby daemon/server/httputils). Docker 29.0's range is 1.44 to 1.52
/// (daemon/config/config.go DefaultAPIVersion "1.52", api.MinSupportedAPIVersion "1.44"). Other versioned calls are
/// recorded and answered with an empty list.
/// </summary>
public sealed class MobyVersionServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public MobyVersionServer(string version, string maxApi, string minApi, string componentName = "Engine")
    {
        Version = version;
        MaxApi = maxApi;
        MinApi = minApi;
        ComponentName = componentName;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Docker 29.0.0 (API 1.44 to 1.52).</summary>
    public static MobyVersionServer Docker29() => new("29.0.0", "1.52", "1.44");

    public string Version { get; }

    public string MaxApi { get; }

    public string MinApi { get; }

    public string ComponentName { get; }

    public int Port { get; }

    public string Endpoint => $"tcp://127.0.0.1:{Port}";

    /// <summary>"GET /v1.52/networks" for every request served.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The bodies of the POST requests served, by path.</summary>
    public ConcurrentQueue<(string Path, string Body)> Bodies { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { Answer(ctx); }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    private void Answer(HttpListenerContext ctx)
    {
        string path = ctx.Request.Url!.AbsolutePath;
        Requests.Enqueue(ctx.Request.HttpMethod + " " + path);
        if (ctx.Request.HttpMethod == "POST")
        {
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            Bodies.Enqueue((path, reader.ReadToEnd()));
        }
        var response = ctx.Response;
        response.Headers["Server"] = $"Docker/{Version} (linux)";
        response.Headers["Api-Version"] = MaxApi;
        response.Headers["Ostype"] = "linux";
        var m = Regex.Match(path, @"^/v([0-9.]+)(/.*)$");
        string api = m.Success ? m.Groups[1].Value : MaxApi;
        string rest = m.Success ? m.Groups[2].Value : path;
        if (Compare(api, MinApi) < 0)
        {
            Write(response, 400, Error($"client version {api} is too old. Minimum supported API version is {MinApi}, please upgrade your client to a newer version"));
            return;
        }
        if (Compare(api, MaxApi) > 0)
        {
            Write(response, 400, Error($"client version {api} is too new. Maximum supported API version is {MaxApi}"));
            return;
        }
        if (rest == "/version")
        {
            Write(response, 200, "{\"Platform\":{\"Name\":\"\"},\"Components\":[{\"Name\":\"" + ComponentName + "\",\"Version\":\"" + Version + "\",\"Details\":{\"ApiVersion\":\"" + MaxApi +
                "\",\"MinAPIVersion\":\"" + MinApi + "\",\"Os\":\"linux\"}}],\"Version\":\"" + Version + "\",\"ApiVersion\":\"" + MaxApi + "\",\"MinAPIVersion\":\"" + MinApi +
                "\",\"GitCommit\":\"0000000\",\"GoVersion\":\"go1.24.9\",\"Os\":\"linux\",\"Arch\":\"amd64\",\"KernelVersion\":\"6.1.0\",\"BuildTime\":\"2025-11-10T00:00:00.000000000+00:00\"}");
            return;
        }
        Write(response, ctx.Request.HttpMethod == "POST" ? 201 : 200, ctx.Request.HttpMethod == "POST" ? "{\"Id\":\"0123456789ab\",\"Warning\":\"\"}" : "[]");
    }

    private static string Error(string message) => "{\"message\":\"" + message + "\"}";

    private static void Write(HttpListenerResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    /// <summary>moby's versions.compare: dotted numbers, part by part.</summary>
    private static int Compare(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (int i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            int p = i < x.Length && int.TryParse(x[i], out int xi) ? xi : 0;
            int q = i < y.Length && int.TryParse(y[i], out int yi) ? yi : 0;
            if (p != q) return p.CompareTo(q);
        }
        return 0;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
    }
}

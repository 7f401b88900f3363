using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;
using NetDsl.Docker.Host.Ssh;

namespace NetDsl.Docker.Engine;

/// <summary>
/// The Engine API over SSH, which Docker.DotNet lacks: every HTTP connection is an SSH channel running
/// <c>docker system dial-stdio</c> on the engine's machine (what <c>docker -H ssh://</c> does), pooled by
/// <see cref="SocketsHttpHandler"/>. At most <see cref="MaxChannels"/> at once: OpenSSH allows 10 sessions per
/// connection (MaxSessions) and host commands and SFTP need theirs.
/// </summary>
public sealed class SshTransport : IDockerHandlerFactory<SshConnection>
{
    public const int MaxChannels = 6;

    public const string DialCommand = "docker system dial-stdio";

    public static SshTransport Instance { get; } = new();

    /// <summary>An HTTP handler whose connections are dial-stdio channels; requests go to http://docker (any host name does).</summary>
    public static HttpMessageHandler Handler(SshConnection ssh) => new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) => await ssh.DialAsync(DialCommand, ct).ConfigureAwait(false),
        MaxConnectionsPerServer = MaxChannels,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };

    public static Uri BaseAddress { get; } = new("http://docker");

    public ResolvedTransport CreateHandler(SshConnection options, ResolvedClientOptions clientOptions, ILogger logger) =>
        new(Handler(options), BaseAddress);

    public ResolvedTransport CreateHandler(ResolvedClientOptions clientOptions, ILogger logger) =>
        throw new InvalidOperationException("SshTransport needs its SshConnection (DockerClientBuilder.WithTransportOptions)");

    /// <summary>
    /// Attach and exec streams: the engine switches the connection to a raw stream (HTTP 101), which the handler
    /// hands over as the response body, readable and writable.
    /// </summary>
    public async Task<WriteClosableStream> HijackStreamAsync(HttpContent content) =>
        new HijackedStream(await content.ReadAsStreamAsync().ConfigureAwait(false));

    private sealed class HijackedStream : WriteClosableStream
    {
        private readonly Stream _inner;

        public HijackedStream(Stream inner) => _inner = inner;

        public override bool CanCloseWrite => false;
        public override void CloseWrite() { }
        public override bool CanRead => _inner.CanRead;
        public override bool CanWrite => _inner.CanWrite;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);
        public override void Flush() => _inner.Flush();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

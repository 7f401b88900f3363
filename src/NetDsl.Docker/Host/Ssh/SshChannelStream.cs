using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Renci.SshNet;

namespace NetDsl.Docker.Host.Ssh;

/// <summary>
/// A running SSH command's stdout (read) and stdin (write) as one duplex stream — what an HTTP connection to the
/// Engine API needs from <c>docker system dial-stdio</c>. When the command ends before sending anything (no docker
/// CLI there, no access to its socket), reading says so with the command's own error output instead of a bare EOF.
/// </summary>
internal sealed class SshChannelStream : Stream
{
    private readonly SshCommand _command;
    private readonly Task _running;
    private readonly Stream _input;
    private readonly string _what;
    private readonly StringBuilder _errors = new();
    private long _read;

    public SshChannelStream(SshCommand command, Task running, Stream input, string what)
    {
        _command = command;
        _running = running;
        _input = input;
        _what = what;
        _ = Task.Run(DrainErrorsAsync);
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = await _command.OutputStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n > 0) { _read += n; return n; }
        if (_read == 0)
        {
            await Task.WhenAny(_running, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)).ConfigureAwait(false);
            if (_command.ExitStatus is { } status && status != 0)
            {
                string said;
                lock (_errors) said = _errors.ToString().Trim();
                throw new SshEndpointException($"{_what} exited {status}{(said.Length > 0 ? ": " + said : "")}; the engine's machine needs the docker CLI (18.09 or newer) on the PATH of a non-interactive SSH login, and the login user must be allowed to use the engine's socket");
            }
        }
        return 0;
    }

    public override void Write(byte[] buffer, int offset, int count) => _input.Write(buffer, offset, count);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _input.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _input.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _input.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _input.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task DrainErrorsAsync()
    {
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await _command.ExtendedOutputStream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                lock (_errors) if (_errors.Length < 4096) _errors.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or Renci.SshNet.Common.SshException) { }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // EOF on stdin ends dial-stdio; closing the channel ends it for certain.
            try { _input.Dispose(); } catch (Exception e) when (e is IOException or ObjectDisposedException or Renci.SshNet.Common.SshException or InvalidOperationException) { }
            try { _command.Dispose(); } catch (Exception e) when (e is IOException or ObjectDisposedException or Renci.SshNet.Common.SshException or InvalidOperationException) { }
        }
        base.Dispose(disposing);
    }
}

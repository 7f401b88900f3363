using System.IO;

namespace NetDsl.Docker.Host.Ssh;

/// <summary>
/// An ssh:// engine could not be reached or used: the message is the whole story in one line (cause and fix), so
/// <see cref="Engine.EngineErrors"/> passes it through. An <see cref="IOException"/>, as every transport failure is.
/// </summary>
public sealed class SshEndpointException : IOException
{
    public SshEndpointException(string message, System.Exception? inner = null) : base(message, inner) { }
}

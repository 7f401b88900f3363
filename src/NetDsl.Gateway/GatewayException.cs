using System;

namespace NetDsl.Gateway;

/// <summary>
/// The gateway could not start (or a data path failed for good): the message names the cause and, where there is one,
/// the fix. The CLI prints it and exits non-zero; nothing else is thrown at a caller for a bad environment.
/// </summary>
public sealed class GatewayException : Exception
{
    public GatewayException(string message) : base(message) { }

    public GatewayException(string message, Exception inner) : base(message, inner) { }
}

using System;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// An eventfd that every worker polls next to its packet descriptors: <see cref="Signal"/> wakes them all at once, so
/// a stop takes effect immediately instead of at the next packet or a poll timeout.
/// </summary>
internal sealed unsafe class WakeEvent : IDisposable
{
    private int _fd;

    public WakeEvent()
    {
        _fd = FileDescriptor.Check(Native.EventFd(0, Native.NonBlocking | Native.CloseOnExec), "eventfd");
    }

    public int Fd => _fd;

    public void Signal()
    {
        if (_fd < 0) return;
        ulong one = 1;
        Native.Write(_fd, &one, sizeof(ulong));
    }

    public void Dispose() => FileDescriptor.Close(ref _fd);
}

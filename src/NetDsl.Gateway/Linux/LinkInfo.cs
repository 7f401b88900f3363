using System;
using System.Diagnostics;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// An interface's MTU and link-layer address, read through ioctls (right in any network namespace, whatever /sys shows)
/// at start and again every second, without allocating, so a changed MTU reaches the fast path within a second.
/// </summary>
internal sealed unsafe class LinkInfo : IDisposable
{
    private const nuint GetMtu = 0x8921, GetHardwareAddress = 0x8927; // SIOCGIFMTU, SIOCGIFHWADDR
    private readonly NativeBuffer _request = new(40);
    private int _control;
    private long _next;

    public LinkInfo(string device)
    {
        Device = device;
        _control = FileDescriptor.Check(Native.Socket(Native.AfInet6, Native.SockDgram | Native.SocketCloseOnExec, 0), "socket for interface ioctls");
        System.Text.Encoding.ASCII.GetBytes(device).AsSpan().CopyTo(new Span<byte>(_request.Pointer, 15));
        Read();
    }

    public string Device { get; }

    public int Mtu { get; private set; }

    /// <summary>Six bytes, wire order, in the low bytes.</summary>
    public ulong Mac { get; private set; }

    /// <summary>Reads again when a second has passed since the last read.</summary>
    public void RefreshIfStale(long now)
    {
        if (now >= _next) Read();
    }

    private void Read()
    {
        var ifreq = _request.Pointer;
        if (Native.Ioctl(_control, GetMtu, ifreq) < 0) throw new GatewayException("read the MTU of " + Device + ": " + Errno.Describe(Errno.Last));
        Mtu = *(int*)(ifreq + 16);
        if (Native.Ioctl(_control, GetHardwareAddress, ifreq) < 0) throw new GatewayException("read the address of " + Device + ": " + Errno.Describe(Errno.Last));
        ulong mac = 0;
        new Span<byte>(ifreq + 18, 6).CopyTo(new Span<byte>(&mac, 6));
        Mac = mac;
        _next = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
    }

    public void Dispose()
    {
        FileDescriptor.Close(ref _control);
        _request.Dispose();
    }
}

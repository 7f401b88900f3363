using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;

namespace NetDsl.Lab.Devices;

/// <summary>
/// A Linux TUN device (IFF_TUN | IFF_NO_PI): each <see cref="Write"/> hands one raw IP packet to the kernel as
/// if it had arrived on the interface. Created in the caller's namespace; move it with
/// `ip link set NAME netns NS` — the open descriptor keeps working there, so a test process can inject packets
/// into a namespace it does not run in. Disposing closes the descriptor, which deletes the device.
/// </summary>
public sealed class TunDevice : IDisposable
{
    private const int ReadWrite = 2;          // O_RDWR
    private const int CloseOnExec = 0x80000;  // O_CLOEXEC: child processes (ip, tcpdump) must not inherit it
    private const ulong TunSetInterface = 0x400454ca; // TUNSETIFF
    private const short IffTun = 0x0001;
    private const short IffNoPi = 0x1000;

    private int _fd;

    private TunDevice(int fd, string name)
    {
        _fd = fd;
        Name = name;
    }

    public string Name { get; }

    /// <param name="name">Interface name, at most 15 characters.</param>
    public static TunDevice Create(string name)
    {
        if (name.Length == 0 || name.Length > 15) throw new ArgumentException("an interface name has 1-15 characters", nameof(name));
        int fd = Open("/dev/net/tun", ReadWrite | CloseOnExec);
        if (fd < 0) throw new Win32Exception(Marshal.GetLastWin32Error(), "open /dev/net/tun");
        var ifreq = new byte[40]; // struct ifreq: char ifr_name[16]; short ifr_flags; padding
        Encoding.ASCII.GetBytes(name).CopyTo(ifreq, 0);
        BitConverter.GetBytes((short)(IffTun | IffNoPi)).CopyTo(ifreq, 16);
        if (Ioctl(fd, TunSetInterface, ifreq) < 0)
        {
            int errno = Marshal.GetLastWin32Error();
            Close(fd);
            throw new Win32Exception(errno, "ioctl TUNSETIFF " + name);
        }
        return new TunDevice(fd, name);
    }

    /// <summary>Injects one raw IPv6 (or IPv4) packet.</summary>
    public void Write(byte[] packet)
    {
        if (_fd < 0) throw new ObjectDisposedException(nameof(TunDevice));
        nint written = WriteNative(_fd, packet, packet.Length);
        if (written != packet.Length) throw new Win32Exception(Marshal.GetLastWin32Error(), $"write to {Name}");
    }

    public void Dispose()
    {
        if (_fd >= 0) Close(_fd);
        _fd = -1;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int Ioctl(int fd, ulong request, byte[] argument);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteNative(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// A layer-3 TUN device (IFF_TUN | IFF_NO_PI) with one descriptor per queue (IFF_MULTI_QUEUE): the kernel spreads
/// flows over the queues by hash, and each queue gets a reader of its own. Each read returns one IPv6 packet the
/// kernel routed into the device; each write hands one back to the kernel as if it had arrived on the device. The
/// device is not persistent: closing the last descriptor removes it, and every route through it with it.
/// </summary>
internal sealed unsafe class TunQueues : IDisposable
{
    private const nuint TunSetInterface = 0x400454ca; // TUNSETIFF
    private const short IffTun = 0x0001;
    private const short IffNoPi = 0x1000;
    private const short IffMultiQueue = 0x0100;
    private const nuint GetFlags = 0x8913;            // SIOCGIFFLAGS
    private const nuint SetFlags = 0x8914;            // SIOCSIFFLAGS
    private const nuint SetMtu = 0x8922;              // SIOCSIFMTU
    private const nuint SetQueueLength = 0x8943;      // SIOCSIFTXQLEN
    private const int QueueLength = 4096;             // as many packets as the NFQUEUE path holds (a TUN's default is 500)
    private const short IffUp = 0x1;

    private readonly int[] _fds;

    private TunQueues(string name, int[] fds)
    {
        Name = name;
        _fds = fds;
    }

    public string Name { get; }

    public IReadOnlyList<int> Fds => _fds;

    /// <summary>Creates the device with <paramref name="queues"/> queues, sets its MTU and brings it up, in the caller's namespace.</summary>
    public static TunQueues Create(string name, int queues, int mtu)
    {
        if (name.Length == 0 || name.Length > 15) throw new GatewayException($"TUN device name '{name}': a Linux interface name has 1-15 characters");
        if (queues < 1 || queues > 64) throw new GatewayException($"{queues} TUN queues: use 1-64");
        var fds = new int[queues];
        Array.Fill(fds, -1);
        var tun = new TunQueues(name, fds);
        try
        {
            for (int q = 0; q < queues; q++)
            {
                if (!File.Exists("/dev/net/tun")) throw new GatewayException("/dev/net/tun is missing: load the tun module (modprobe tun), or in a container pass the device (--device /dev/net/tun)");
                fds[q] = FileDescriptor.Open("/dev/net/tun", Native.ReadWrite | Native.NonBlocking | Native.CloseOnExec);
                var ifreq = InterfaceRequest(name);
                BinaryPrimitives.WriteInt16LittleEndian(ifreq.AsSpan(16), (short)(IffTun | IffNoPi | (queues > 1 ? IffMultiQueue : 0)));
                fixed (byte* p = ifreq)
                {
                    if (Native.Ioctl(fds[q], TunSetInterface, p) < 0)
                    {
                        int errno = Errno.Last;
                        throw new GatewayException($"cannot create TUN device {name} (queue {q}): {Errno.Describe(errno)}" +
                            (errno == Errno.Permission ? "; run as root (or with CAP_NET_ADMIN)" : errno == Errno.Busy ? "; a device of that name exists and is not a free multi-queue TUN: pick another --tun name" : ""));
                    }
                }
            }
            tun.Configure(mtu);
            return tun;
        }
        catch
        {
            tun.Dispose();
            throw;
        }
    }

    private void Configure(int mtu)
    {
        // Before it goes up: no link-local address and no router solicitations, so the kernel's own chatter stays out
        // of the gateway (it would be read, match no prefix and be counted as unmatched).
        WriteSysctl("addr_gen_mode", "1");
        WriteSysctl("accept_ra", "0");
        WriteSysctl("router_solicitations", "0");
        int control = FileDescriptor.Check(Native.Socket(Native.AfInet6, Native.SockDgram | Native.SocketCloseOnExec, 0), "socket for interface ioctls");
        try
        {
            var ifreq = InterfaceRequest(Name);
            fixed (byte* p = ifreq)
            {
                *(int*)(p + 16) = mtu;
                FileDescriptor.Check(Native.Ioctl(control, SetMtu, p), $"set the MTU of {Name} to {mtu}");
                // Packets routed into the device wait in its queue for a reader: a longer queue absorbs bursts.
                *(int*)(p + 16) = QueueLength;
                FileDescriptor.Check(Native.Ioctl(control, SetQueueLength, p), $"set the queue length of {Name}");
                FileDescriptor.Check(Native.Ioctl(control, GetFlags, p), $"read the flags of {Name}");
                *(short*)(p + 16) |= IffUp;
                FileDescriptor.Check(Native.Ioctl(control, SetFlags, p), $"bring {Name} up");
            }
        }
        finally
        {
            Native.Close(control);
        }
    }

    private void WriteSysctl(string key, string value)
    {
        string path = "/proc/sys/net/ipv6/conf/" + Name + "/" + key;
        try { File.WriteAllText(path, value); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort: an older kernel may lack the key */ }
    }

    // struct ifreq: char ifr_name[16]; then a 24-byte union (flags, mtu, …).
    private static byte[] InterfaceRequest(string name)
    {
        var ifreq = new byte[40];
        System.Text.Encoding.ASCII.GetBytes(name, 0, name.Length, ifreq, 0);
        return ifreq;
    }

    public void Dispose()
    {
        for (int i = 0; i < _fds.Length; i++) FileDescriptor.Close(ref _fds[i]);
    }
}

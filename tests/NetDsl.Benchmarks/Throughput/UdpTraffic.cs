using System;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;

namespace NetDsl.Benchmarks.Throughput;

/// <summary>
/// The same sender and receiver for every path: 64-byte IPv6 packets (40-byte header, 8-byte UDP header, 16 bytes of
/// payload) sent with sendmmsg in batches of 64, counted with recvmmsg. Child processes of the benchmark, each run in
/// its own namespace (`throughput-send`, `throughput-receive`); each prints one line with its count.
/// </summary>
internal static unsafe partial class UdpTraffic
{
    public const int Port = 9000;
    public const int PayloadLength = 16;
    private const int Batch = 64;
    private const int AfInet6 = 10, SockDgram = 2, SolSocket = 1, SoRcvBufForce = 33, SoSndBufForce = 32, SoRcvTimeo = 20;

    /// <summary>Sends for <paramref name="seconds"/>, as fast as it can or at <paramref name="rate"/> packets per second (0: unpaced).</summary>
    public static int Send(string destination, double seconds, double rate)
    {
        int fd = Socket(AfInet6, SockDgram, 0);
        if (fd < 0) return Fail("socket");
        int buffer = 4 << 20;
        SetSockOpt(fd, SolSocket, SoSndBufForce, &buffer, sizeof(int));
        var address = stackalloc byte[28];
        new Span<byte>(address, 28).Clear();
        *(ushort*)address = AfInet6;
        *(ushort*)(address + 2) = (ushort)IPAddress.HostToNetworkOrder((short)Port);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(new Span<byte>(address + 8, 16));
        if (Connect(fd, address, 28) < 0) return Fail("connect " + destination);

        var payloads = (byte*)NativeMemory.AllocZeroed(Batch * PayloadLength);
        var iovecs = (IoVec*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(IoVec)));
        var messages = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(MMsgHdr)));
        for (int i = 0; i < Batch; i++)
        {
            iovecs[i] = new IoVec { Base = payloads + i * PayloadLength, Length = PayloadLength };
            messages[i].Header.Iov = &iovecs[i];
            messages[i].Header.IovLength = 1;
        }
        long sent = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        long end = (long)(seconds * Stopwatch.Frequency);
        while (clock.ElapsedTicks < end)
        {
            int want = Batch;
            if (rate > 0)
            {
                long due = (long)(clock.Elapsed.TotalSeconds * rate) - sent;
                if (due <= 0) { Thread.Sleep(1); continue; }
                want = (int)Math.Min(Batch, due);
            }
            int n = SendMMsg(fd, messages, (uint)want, 0);
            if (n > 0) sent += n; else failed++;
        }
        Console.WriteLine($"sent {sent} {clock.Elapsed.TotalSeconds:0.000} {failed}");
        return 0;
    }

    /// <summary>Counts packets until <paramref name="seconds"/> have passed since the first one, or 1 s passes with none after some.</summary>
    public static int Receive(double seconds)
    {
        int fd = Socket(AfInet6, SockDgram, 0);
        if (fd < 0) return Fail("socket");
        int buffer = 16 << 20;
        SetSockOpt(fd, SolSocket, SoRcvBufForce, &buffer, sizeof(int));
        var timeout = stackalloc long[2] { 0, 100_000 }; // struct timeval: 100 ms, so the loop can watch the clock
        SetSockOpt(fd, SolSocket, SoRcvTimeo, timeout, 16);
        var address = stackalloc byte[28];
        new Span<byte>(address, 28).Clear();
        *(ushort*)address = AfInet6;
        *(ushort*)(address + 2) = (ushort)IPAddress.HostToNetworkOrder((short)Port);
        if (Bind(fd, address, 28) < 0) return Fail("bind");
        Console.WriteLine("listening");
        Console.Out.Flush();

        var payloads = (byte*)NativeMemory.AllocZeroed(Batch * 128);
        var iovecs = (IoVec*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(IoVec)));
        var messages = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(MMsgHdr)));
        for (int i = 0; i < Batch; i++)
        {
            iovecs[i] = new IoVec { Base = payloads + i * 128, Length = 128 };
            messages[i].Header.Iov = &iovecs[i];
            messages[i].Header.IovLength = 1;
        }
        long received = 0;
        var clock = Stopwatch.StartNew();
        double first = -1, last = 0;
        while (true)
        {
            int n = RecvMMsg(fd, messages, Batch, 0, null);
            double now = clock.Elapsed.TotalSeconds;
            if (n > 0)
            {
                if (first < 0) first = now;
                received += n;
                last = now;
            }
            if (first >= 0 && (now - first > seconds + 2 || now - last > 1)) break;
            if (first < 0 && now > 120) break;
        }
        Console.WriteLine($"received {received} {Math.Max(0, last - first):0.000}");
        return 0;
    }

    private static int Fail(string what)
    {
        Console.Error.WriteLine(what + " failed: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        return 1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    private static partial int Connect(int fd, void* address, uint length);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int Bind(int fd, void* address, uint length);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSockOpt(int fd, int level, int name, void* value, uint length);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    private static partial int SendMMsg(int fd, MMsgHdr* messages, uint count, int flags);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    private static partial int RecvMMsg(int fd, MMsgHdr* messages, uint count, int flags, void* timeout);
}

using System.Runtime.InteropServices;

namespace NetDsl.Gateway.Linux;

/// <summary>The errno values the data path tells apart, and a readable message for the others.</summary>
internal static class Errno
{
    public const int Interrupted = 4;    // EINTR
    public const int Again = 11;         // EAGAIN / EWOULDBLOCK
    public const int NoBufferSpace = 105; // ENOBUFS
    public const int Busy = 16;          // EBUSY
    public const int Permission = 1;     // EPERM

    public static int Last => Marshal.GetLastPInvokeError();

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno) + " (errno " + errno + ")";
}

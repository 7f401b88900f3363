using System;
using System.Text;

namespace NetDsl.Gateway.Linux;

/// <summary>Small helpers over raw descriptors: close once, and turn a failed call into an exception at set-up time.</summary>
internal static unsafe class FileDescriptor
{
    public static void Close(ref int fd)
    {
        if (fd >= 0) Native.Close(fd);
        fd = -1;
    }

    /// <summary>Throws <see cref="GatewayException"/> naming the call and errno when <paramref name="result"/> is negative.</summary>
    public static int Check(int result, string what)
    {
        if (result < 0) throw new GatewayException(what + ": " + Errno.Describe(Errno.Last));
        return result;
    }

    /// <summary>A NUL-terminated ASCII copy of a path or name, for the few calls made at set-up (not on the data path).</summary>
    public static byte[] CString(string text)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(text) + 1];
        Encoding.ASCII.GetBytes(text, 0, text.Length, bytes, 0);
        return bytes;
    }

    public static int Open(string path, int flags)
    {
        fixed (byte* p = CString(path)) return Check(Native.Open(p, flags), "open " + path);
    }
}

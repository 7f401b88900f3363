using System;
using System.Runtime.InteropServices;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// A block of native memory, zeroed, aligned to a cache line, freed on dispose. The data path's packet slots and the
/// kernel structures that point into them live in these: they never move (the kernel is handed their addresses) and
/// the GC never sees them.
/// </summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    private byte* _pointer;

    public NativeBuffer(int length)
    {
        if (length <= 0) throw new ArgumentOutOfRangeException(nameof(length), length, "a buffer needs at least one byte");
        Length = length;
        _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)length, 64);
        NativeMemory.Clear(_pointer, (nuint)length);
    }

    public int Length { get; }

    public byte* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(NativeBuffer));

    public Span<byte> Span => new(Pointer, Length);

    public void Dispose()
    {
        if (_pointer == null) return;
        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace NetDsl.Gateway.Linux;

/// <summary>
/// The few bpf(2) commands the XDP data path needs — create an XSKMAP, load a program, put a socket in the map, attach
/// the program to an interface through a BPF link (detached by the kernel when the link's descriptor closes, so a
/// crashed gateway leaves no program behind) — without libbpf.
/// </summary>
internal static unsafe class Bpf
{
    private const int MapCreate = 0, MapUpdateElement = 2, ProgramLoad = 5, LinkCreate = 28;
    private const int MapTypeXskMap = 17, ProgramTypeXdp = 6, AttachTypeXdp = 37;
    private const int XdpFlagsSkbMode = 2, XdpFlagsDriverMode = 4;
    private const int AttrSize = 144; // sizeof(union bpf_attr) on the kernel headers this was written against; larger kernels accept it zero-extended

    private static long Number => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 => 280,
        _ => throw new GatewayException("the XDP data path knows the bpf system call on x86-64 and arm64 only"),
    };

    private static int Call(int command, byte* attr, string what)
    {
        long r = Native.Syscall(Number, command, attr, AttrSize);
        if (r < 0) throw new GatewayException(what + ": " + Errno.Describe(Errno.Last) + (Errno.Last == Errno.Permission ? "; run as root (CAP_BPF, CAP_NET_ADMIN)" : ""));
        return (int)r;
    }

    /// <summary>An XSKMAP with <paramref name="entries"/> slots (one per receive queue).</summary>
    public static int CreateXskMap(int entries)
    {
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)attr = MapTypeXskMap;
        *(uint*)(attr + 4) = 4; // key: queue index
        *(uint*)(attr + 8) = 4; // value: socket descriptor
        *(uint*)(attr + 12) = (uint)entries;
        return Call(MapCreate, attr, "create an XSKMAP");
    }

    public static void UpdateMap(int map, int key, int value)
    {
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)attr = (uint)map;
        *(ulong*)(attr + 8) = (ulong)&key;
        *(ulong*)(attr + 16) = (ulong)&value;
        Call(MapUpdateElement, attr, "put an AF_XDP socket in its XSKMAP");
    }

    /// <summary>Loads an XDP program; the verifier's log is in the exception when it refuses it.</summary>
    public static int LoadXdp(ReadOnlySpan<byte> instructions, string name)
    {
        var attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        var log = new byte[64 * 1024];
        var license = Encoding.ASCII.GetBytes("GPL\0");
        fixed (byte* code = instructions)
        fixed (byte* logBuffer = log)
        fixed (byte* licence = license)
        {
            *(uint*)attr = ProgramTypeXdp;
            *(uint*)(attr + 4) = (uint)(instructions.Length / 8);
            *(ulong*)(attr + 8) = (ulong)code;
            *(ulong*)(attr + 16) = (ulong)licence;
            *(uint*)(attr + 24) = 1; // log level
            *(uint*)(attr + 28) = (uint)log.Length;
            *(ulong*)(attr + 32) = (ulong)logBuffer;
            Encoding.ASCII.GetBytes(name.Length > 15 ? name[..15] : name).AsSpan().CopyTo(new Span<byte>(attr + 48, 15));
            long r = Native.Syscall(Number, ProgramLoad, attr, AttrSize);
            if (r < 0)
            {
                int errno = Errno.Last;
                string verifier = Encoding.ASCII.GetString(log).TrimEnd('\0').Trim();
                throw new GatewayException("the kernel refused the XDP program: " + Errno.Describe(errno) + (verifier.Length > 0 ? "\n" + verifier : ""));
            }
            return (int)r;
        }
    }

    /// <summary>Attaches an XDP program to an interface (native mode, else generic); returns the link, which detaches it when closed.</summary>
    public static int AttachXdp(int program, int ifindex, string device, out bool native)
    {
        var attr = stackalloc byte[AttrSize];
        foreach (int flags in new[] { XdpFlagsDriverMode, XdpFlagsSkbMode })
        {
            new Span<byte>(attr, AttrSize).Clear();
            *(uint*)attr = (uint)program;
            *(uint*)(attr + 4) = (uint)ifindex;
            *(uint*)(attr + 8) = AttachTypeXdp;
            *(uint*)(attr + 12) = (uint)flags;
            long r = Native.Syscall(Number, LinkCreate, attr, AttrSize);
            if (r >= 0)
            {
                native = flags == XdpFlagsDriverMode;
                return (int)r;
            }
        }
        throw new GatewayException($"cannot attach the XDP program to {device}: {Errno.Describe(Errno.Last)} (another XDP program on it? an MTU too large for XDP?)");
    }
}

/// <summary>
/// A small assembler for eBPF (struct bpf_insn: opcode, dst/src registers, 16-bit offset, 32-bit immediate; 64-bit
/// immediates take two slots), with forward labels, so the XDP program can be written out per rule.
/// </summary>
internal sealed class BpfAssembler
{
    private readonly List<(byte Code, byte Dst, byte Src, short Offset, int Immediate, string? Target)> _code = new();
    private readonly Dictionary<string, int> _labels = new();

    // Opcodes (class | size/op | source).
    private const byte Ldx = 0x01, Ld = 0x00, Alu64 = 0x07, Jmp = 0x05;
    private const byte W = 0x00, H = 0x08, B = 0x10, Dw = 0x18, Mem = 0x60, Imm = 0x00;
    private const byte Mov = 0xb0, Add = 0x00, And = 0x50, K = 0x00, X = 0x08;
    public const byte Jeq = 0x10, Jgt = 0x20, Jne = 0x50, Jle = 0xb0;
    private const byte Call = 0x80, Exit = 0x90, Ja = 0x00;
    private const byte PseudoMapFd = 1;

    public void MovReg(int dst, int src) => Emit((byte)(Alu64 | Mov | X), dst, src, 0, 0);

    public void MovImm(int dst, int value) => Emit((byte)(Alu64 | Mov | K), dst, 0, 0, value);

    public void AddImm(int dst, int value) => Emit((byte)(Alu64 | Add | K), dst, 0, 0, value);

    public void AndReg(int dst, int src) => Emit((byte)(Alu64 | And | X), dst, src, 0, 0);

    public void LoadWord(int dst, int src, short offset) => Emit((byte)(Ldx | Mem | W), dst, src, offset, 0);

    public void LoadHalf(int dst, int src, short offset) => Emit((byte)(Ldx | Mem | H), dst, src, offset, 0);

    public void LoadByte(int dst, int src, short offset) => Emit((byte)(Ldx | Mem | B), dst, src, offset, 0);

    public void LoadDouble(int dst, int src, short offset) => Emit((byte)(Ldx | Mem | Dw), dst, src, offset, 0);

    public void LoadImm64(int dst, ulong value)
    {
        Emit((byte)(Ld | Dw | Imm), dst, 0, 0, (int)(uint)value);
        Emit(0, 0, 0, 0, (int)(uint)(value >> 32));
    }

    public void LoadMapFd(int dst, int map)
    {
        Emit((byte)(Ld | Dw | Imm), dst, PseudoMapFd, 0, map);
        Emit(0, 0, 0, 0, 0);
    }

    public void JumpImm(byte op, int dst, int value, string target) => Emit((byte)(Jmp | op | K), dst, 0, 0, value, target);

    public void JumpReg(byte op, int dst, int src, string target) => Emit((byte)(Jmp | op | X), dst, src, 0, 0, target);

    public void Jump(string target) => Emit((byte)(Jmp | Ja), 0, 0, 0, 0, target);

    public void CallHelper(int helper) => Emit((byte)(Jmp | Call), 0, 0, 0, helper);

    public void Return() => Emit((byte)(Jmp | Exit), 0, 0, 0, 0);

    public void Label(string name) => _labels[name] = _code.Count;

    private void Emit(byte code, int dst, int src, short offset, int immediate, string? target = null) =>
        _code.Add((code, (byte)dst, (byte)src, offset, immediate, target));

    public byte[] Assemble()
    {
        var bytes = new byte[_code.Count * 8];
        for (int i = 0; i < _code.Count; i++)
        {
            var (code, dst, src, offset, immediate, target) = _code[i];
            if (target is not null) offset = checked((short)(_labels[target] - i - 1));
            bytes[i * 8] = code;
            bytes[i * 8 + 1] = (byte)(dst | (src << 4));
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8 + 2), offset);
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8 + 4), immediate);
        }
        return bytes;
    }
}

using System;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NetDsl.Addressing;
using NetDsl.Nptv6;
using NetDsl.TestSupport;

namespace NetDsl.Benchmarks.Nptv6;

/// <summary>
/// Per-packet cost of NPTv6 on 64-byte UDP packets laid end to end: the generic translator, the generated one
/// (Bench.Nptv6, from bench.netdsl; through its batch entry point and per packet), a naive System.Net.IPAddress
/// version, and a floor that only writes the 8 prefix bytes (the baseline). One operation = one packet through one translation; an invocation makes four
/// passes over the batch (gateway out, gateway in, mirror out, mirror in), which returns every packet to its start.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public abstract class Nptv6PacketBenchmarks
{
    public const int PacketLength = 64;

    private byte[] _buffer = Array.Empty<byte>();
    private int _count;
    private Nptv6Translator _generic = null!;
    private Nptv6Translator _genericMirror = null!;
    private NaiveNptv6 _naiveOut = null!, _naiveIn = null!, _naiveMirrorOut = null!, _naiveMirrorIn = null!;
    private ulong _outsideWire, _insideWire;

    protected void Setup(int count)
    {
        _count = count;
        var inside = IpPrefix.Parse("fd5a:ceb9:ed8d:fe0a::/64");
        var outside = IpPrefix.Parse("2001:db8:ff00:ff66::/64");
        _generic = Nptv6Translator.Create(inside, outside);
        _genericMirror = Nptv6Translator.Create(outside, inside);
        _naiveOut = new NaiveNptv6("fd5a:ceb9:ed8d:fe0a::", "2001:db8:ff00:ff66::");
        _naiveIn = new NaiveNptv6("2001:db8:ff00:ff66::", "fd5a:ceb9:ed8d:fe0a::");
        _naiveMirrorOut = _naiveIn;
        _naiveMirrorIn = _naiveOut;
        _outsideWire = MemoryMarshal.Read<ulong>(outside.Address.GetBytes());
        _insideWire = MemoryMarshal.Read<ulong>(inside.Address.GetBytes());

        // Source inside, destination outside: each of the four passes finds its address in its prefix.
        var random = new Random(6296);
        _buffer = new byte[count * PacketLength];
        for (int i = 0; i < count; i++)
        {
            var source = IpAddress.V6(inside.Address.High, (ulong)random.NextInt64());
            var destination = IpAddress.V6(outside.Address.High, (ulong)random.NextInt64());
            var packet = Ipv6TestPackets.Udp(source, destination, 40000, 53, new byte[PacketLength - 48]);
            packet.CopyTo(_buffer, i * PacketLength);
        }
        var start = (byte[])_buffer.Clone();
        if (Generic() != 4 * count || Compiled() != 4 * count || CompiledPerPacket() != 4 * count || Naive() != 4 * count)
            throw new InvalidOperationException("a pass did not translate every packet");
        if (!start.AsSpan().SequenceEqual(_buffer)) throw new InvalidOperationException("four passes did not restore the batch");
    }

    protected int Floor()
    {
        var buffer = _buffer.AsSpan();
        for (int i = 0; i < _count; i++) MemoryMarshal.Write(buffer.Slice(i * PacketLength + 8, 8), in _outsideWire);
        for (int i = 0; i < _count; i++) MemoryMarshal.Write(buffer.Slice(i * PacketLength + 24, 8), in _insideWire);
        for (int i = 0; i < _count; i++) MemoryMarshal.Write(buffer.Slice(i * PacketLength + 8, 8), in _insideWire);
        for (int i = 0; i < _count; i++) MemoryMarshal.Write(buffer.Slice(i * PacketLength + 24, 8), in _outsideWire);
        return 4 * _count;
    }

    protected int Generic() =>
        Pass(_generic, Nptv6Direction.Outbound) + Pass(_generic, Nptv6Direction.Inbound)
        + Pass(_genericMirror, Nptv6Direction.Outbound) + Pass(_genericMirror, Nptv6Direction.Inbound);

    private int Pass(Nptv6Translator translator, Nptv6Direction direction)
    {
        int translated = 0;
        var buffer = _buffer.AsSpan();
        for (int i = 0; i < _count; i++)
            if (translator.Translate(buffer.Slice(i * PacketLength, PacketLength), direction).Outcome == global::NetDsl.Nptv6.Packets.Nptv6PacketOutcome.Translated) translated++;
        return translated;
    }

    // The batch entry point, as a caller holding Bench.Nptv6Translators.X would call it: one bounds check and one direction
    // test per pass, no result struct per packet.
    protected int Compiled()
    {
        var buffer = _buffer.AsSpan();
        var gateway = Bench.Nptv6Translators.GatewayTranslator.Instance;
        var mirror = Bench.Nptv6Translators.GatewayMirrorTranslator.Instance;
        return gateway.TranslateBatch(buffer, PacketLength, _count, Nptv6Direction.Outbound)
            + gateway.TranslateBatch(buffer, PacketLength, _count, Nptv6Direction.Inbound)
            + mirror.TranslateBatch(buffer, PacketLength, _count, Nptv6Direction.Outbound)
            + mirror.TranslateBatch(buffer, PacketLength, _count, Nptv6Direction.Inbound);
    }

    // The per-packet entry point, Translate(Span, direction), in the caller's loop (the earlier runs' "compiled" row).
    protected int CompiledPerPacket() =>
        Pass(Bench.Nptv6Translators.GatewayTranslator.Instance, Nptv6Direction.Outbound) + Pass(Bench.Nptv6Translators.GatewayTranslator.Instance, Nptv6Direction.Inbound)
        + Pass(Bench.Nptv6Translators.GatewayMirrorTranslator.Instance, Nptv6Direction.Outbound) + Pass(Bench.Nptv6Translators.GatewayMirrorTranslator.Instance, Nptv6Direction.Inbound);

    // Typed as the generated (sealed) classes, as a caller holding Lab.Nptv6Translators.X would call them: a direct call the
    // JIT can inline, where a shared generic or INptv6Translator would dispatch per packet.
    private int Pass(Bench.Nptv6Translators.GatewayTranslator translator, Nptv6Direction direction)
    {
        int translated = 0;
        var buffer = _buffer.AsSpan();
        for (int i = 0; i < _count; i++)
            if (translator.Translate(buffer.Slice(i * PacketLength, PacketLength), direction).Outcome == global::NetDsl.Nptv6.Packets.Nptv6PacketOutcome.Translated) translated++;
        return translated;
    }

    private int Pass(Bench.Nptv6Translators.GatewayMirrorTranslator translator, Nptv6Direction direction)
    {
        int translated = 0;
        var buffer = _buffer.AsSpan();
        for (int i = 0; i < _count; i++)
            if (translator.Translate(buffer.Slice(i * PacketLength, PacketLength), direction).Outcome == global::NetDsl.Nptv6.Packets.Nptv6PacketOutcome.Translated) translated++;
        return translated;
    }

    protected int Naive() =>
        NaivePass(_naiveOut, 8) + NaivePass(_naiveIn, 24) + NaivePass(_naiveMirrorOut, 8) + NaivePass(_naiveMirrorIn, 24);

    private int NaivePass(NaiveNptv6 naive, int offset)
    {
        int translated = 0;
        var buffer = _buffer.AsSpan();
        for (int i = 0; i < _count; i++)
            if (naive.Translate(buffer.Slice(i * PacketLength, PacketLength), offset)) translated++;
        return translated;
    }
}

/// <summary>4,096 packets (256 KB): the batch stays in cache.</summary>
public class Nptv6InCacheBenchmarks : Nptv6PacketBenchmarks
{
    private const int Count = 4096;
    private const int Operations = 4 * Count;

    [GlobalSetup]
    public void GlobalSetup() => Setup(Count);

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "copy floor: write 8 prefix bytes")]
    public int CopyFloor() => Floor();

    [Benchmark(OperationsPerInvoke = Operations, Description = "compiled (generated) translator, TranslateBatch")]
    public int CompiledTranslator() => Compiled();

    [Benchmark(OperationsPerInvoke = Operations, Description = "compiled (generated) translator, per packet")]
    public int CompiledTranslatorPerPacket() => CompiledPerPacket();

    [Benchmark(OperationsPerInvoke = Operations, Description = "generic Nptv6Translator")]
    public int GenericTranslator() => Generic();

    [Benchmark(OperationsPerInvoke = Operations, Description = "naive System.Net.IPAddress")]
    public int NaiveIpAddress() => Naive();
}

/// <summary>1,000,000 packets (64 MB): memory bound.</summary>
public class Nptv6MemoryBoundBenchmarks : Nptv6PacketBenchmarks
{
    private const int Count = 1_000_000;
    private const int Operations = 4 * Count;

    [GlobalSetup]
    public void GlobalSetup() => Setup(Count);

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations, Description = "copy floor: write 8 prefix bytes")]
    public int CopyFloor() => Floor();

    [Benchmark(OperationsPerInvoke = Operations, Description = "compiled (generated) translator, TranslateBatch")]
    public int CompiledTranslator() => Compiled();

    [Benchmark(OperationsPerInvoke = Operations, Description = "compiled (generated) translator, per packet")]
    public int CompiledTranslatorPerPacket() => CompiledPerPacket();

    [Benchmark(OperationsPerInvoke = Operations, Description = "generic Nptv6Translator")]
    public int GenericTranslator() => Generic();

    [Benchmark(OperationsPerInvoke = Operations, Description = "naive System.Net.IPAddress")]
    public int NaiveIpAddress() => Naive();
}

/// <summary>
/// A short job, in process: the machine is shared (2 cores), and the child project BenchmarkDotNet would build
/// resolves the core's netstandard2.0 build through the generator reference, which lacks the packet API.
/// Ten warm-up iterations, not three: with three, the tiered JIT's last step (OSR code → Tier1) of the batch
/// loop landed inside the seven measured iterations (3.1 ns, then 1.7 ns per packet in one run), so a row
/// measured a mix of two compilations of the same code.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(7).WithId("ShortInProcess"));
}

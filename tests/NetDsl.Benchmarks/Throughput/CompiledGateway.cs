using System;
using System.Runtime.InteropServices;
using System.Threading;
using NetDsl.Gateway;
using NetDsl.Nptv6;

namespace NetDsl.Benchmarks.Throughput;

/// <summary>
/// `throughput-gateway QUEUE|xdp`: the gateway library hosted by a program of its own with the generated translator of
/// bench.netdsl's rule (as a user's program built with the generator would host it), behind NFQUEUE QUEUE and QUEUE+1,
/// or on AF_XDP between the benchmark router's r0 and r1.
/// </summary>
internal static class CompiledGateway
{
    public static int Run(string[] args)
    {
        GatewayDataPath path = args[0] == "xdp" ? new XdpDataPath("r0", "r1") : new NfQueueDataPath(ushort.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture));
        var mappings = new INptv6Translator[] { Nptv6.Bench.Nptv6Translators.GatewayTranslator.Instance };
        using var stop = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        using var gateway = Nptv6Gateway.Start(new Nptv6GatewayOptions(mappings, path));
        Console.WriteLine("gateway running (compiled " + mappings[0].GetType().Name + ")");
        stop.Wait();
        gateway.Stop();
        Console.WriteLine("gateway stopped: " + gateway.Stats);
        return 0;
    }
}

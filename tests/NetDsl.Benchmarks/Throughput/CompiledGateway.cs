using System;
using System.Runtime.InteropServices;
using System.Threading;
using NetDsl.Gateway;
using NetDsl.Nptv6;

namespace NetDsl.Benchmarks.Throughput;

/// <summary>
/// `throughput-gateway QUEUE`: the gateway library hosted by a program of its own with the generated translator of
/// bench.netdsl's rule (as a user's program built with the generator would host it), behind NFQUEUE QUEUE and QUEUE+1.
/// </summary>
internal static class CompiledGateway
{
    public static int Run(string[] args)
    {
        ushort queue = ushort.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var mappings = new INptv6Translator[] { Nptv6.Bench.Nptv6Translators.GatewayTranslator.Instance };
        using var stop = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
        using var gateway = Nptv6Gateway.Start(new Nptv6GatewayOptions(mappings, new NfQueueDataPath(queue)));
        Console.WriteLine("gateway running (compiled " + mappings[0].GetType().Name + ")");
        stop.Wait();
        gateway.Stop();
        Console.WriteLine("gateway stopped: " + gateway.Stats);
        return 0;
    }
}

using System;
using System.IO;
using NetDsl.Fuzz.Targets;

namespace NetDsl.Fuzz;

/// <summary>
/// `dotnet NetDsl.Fuzz.dll TARGET` under afl-fuzz (fuzz.sh sets that up): SharpFuzz feeds each input to the target
/// in a forked loop. `dotnet NetDsl.Fuzz.dll TARGET FILE…` runs files once each and prints what broke (to reproduce
/// a crash afl-fuzz saved). With no target it lists them.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var target = args.Length > 0 ? FuzzTargets.Find(args[0]) : null;
        if (target is null)
        {
            Console.Error.WriteLine("usage: NetDsl.Fuzz TARGET [FILE…]; targets:");
            foreach (var t in FuzzTargets.All) Console.Error.WriteLine($"  {t.Name,-12} {t.Description}");
            return 64;
        }
        if (args.Length == 1)
        {
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                target.Run(buffer.ToArray());
            });
            return 0;
        }
        int failed = 0;
        for (int i = 1; i < args.Length; i++)
        {
            try
            {
                target.Run(File.ReadAllBytes(args[i]));
                Console.WriteLine("ok:     " + args[i]);
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"BROKEN: {args[i]}: {e.GetType().Name}: {e.Message}");
            }
        }
        return failed == 0 ? 0 : 1;
    }
}

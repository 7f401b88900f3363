using System;
using System.Collections.Generic;
using System.Linq;

namespace NetDsl.Fuzz.Targets;

/// <summary>Every fuzz target, by name (fuzz.sh TARGET; Corpus/TARGET; Regressions/TARGET).</summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyList<FuzzTarget> All = new[]
    {
        new FuzzTarget("front-door", "compile a .netdsl file, then emit it when it has no errors", FrontDoorTarget.Run),
        new FuzzTarget("captures", "every capture parser (first byte picks it) and format recognition", CaptureTarget.Run),
        new FuzzTarget("pcap", "read a pcap file, write it back, rewrite it through NPTv6", PcapTarget.Run),
        new FuzzTarget("daemon-json", "merge NetDsl's keys into an existing daemon.json", DaemonJsonTarget.Run),
    };

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}

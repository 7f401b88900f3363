using System;
using System.Collections.Generic;
using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Captures.Verification;

/// <summary>
/// Holds a <see cref="VerifyPlan"/> against a directory of captures (<c>netdsl verify FILE --captures DIR</c>): the
/// same facts live verify checks, observed in what devices printed instead of on the devices. Each fact is checked
/// in every capture that could show it (<see cref="CaptureSet.Covering"/>); any capture contradicting it fails it,
/// one showing it passes it, and otherwise it is not covered. Never throws on capture content.
/// </summary>
public static class CaptureVerifier
{
    public static CaptureVerifyReport Verify(NetworkModel model, CaptureSet captures) =>
        Verify(VerifyPlanner.Plan(model), model, captures);

    public static CaptureVerifyReport Verify(VerifyPlan plan, NetworkModel model, CaptureSet captures)
    {
        var context = new CaptureContext(model, captures);
        var results = plan.Facts.Select(f => SafeCheck(context, f)).ToList();
        return new CaptureVerifyReport(results, captures.Errors.ToList(), Warnings(model, captures));
    }

    private static List<string> Warnings(NetworkModel model, CaptureSet captures)
    {
        var devices = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        devices.UnionWith(model.Hosts.Select(h => h.Name));
        devices.UnionWith(model.Containers.Select(x => x.Name));
        devices.UnionWith(model.Routers.Select(r => r.Name));
        devices.UnionWith(model.Firewalls.Select(f => f.Name));
        devices.UnionWith(model.Upstreams.Select(u => u.Name));
        return captures.Files
            .Where(f => f.Format is not null && f.Device.Length > 0 && !devices.Contains(f.Device))
            .Select(f => $"{f.Path}: device '{f.Device}' is not declared in {model.SourcePath}; this capture checks nothing")
            .ToList();
    }

    // Like the parsers: a verifier bug must show as a failed fact naming the bug, never as an exception for the operator.
    private static CaptureFactResult SafeCheck(CaptureContext c, VerifyFact fact)
    {
        try
        {
            return Check(c, fact);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new(fact, CaptureOutcome.Fail, "(internal error: " + e.Message + ")", null, "please report this with the captures");
        }
    }

    private static CaptureFactResult Check(CaptureContext c, VerifyFact fact) => fact switch
    {
        EngineVersionFact => NotCovered(fact, "no capture shows the engine version (`docker version`); live verify checks it"),
        PingFact => NotCovered(fact, "ping outputs are not read from captures; live verify runs the ping"),
        NetworkFieldFact f => DockerChecks.NetworkField(c, f),
        InterfaceAddressFact f => DockerChecks.Address(c, f),
        LinkLocalFact f => DockerChecks.LinkLocal(c, f),
        RouteFact f => DockerChecks.Route(c, f),
        DeviceAddressFact f => DeviceChecks.Address(c, f),
        ZoneFact f => DeviceChecks.Zone(c, f),
        StaticRouteFact f => DeviceChecks.StaticRoute(c, f),
        NatRuleFact f => DeviceChecks.NatRule(c, f),
        MasqueradeFact f => HostNatChecks.Masquerade(c, f),
        ConntrackFact f => HostNatChecks.Conntrack(c, f),
        EngineFirewallFact f => EngineFirewall(c, f),
        _ => NotCovered(fact, "no capture format shows this kind of fact"),
    };

    /// <summary>The engine's own rule, in the host's `ip6tables-save` (or `nft list ruleset` for dockerd's nftables backend).</summary>
    private static CaptureFactResult EngineFirewall(CaptureContext c, EngineFirewallFact f)
    {
        var format = f.Backend == NetDsl.Engines.FirewallBackend.Nftables ? CaptureFormat.NftList : CaptureFormat.IptablesSave;
        string? bridge = c.BridgeName(f.Device, f.Bridge, f.Network);
        return Evaluate(f, c.Covering(f.Device, format), file =>
        {
            var finding = EngineFirewallChecks.Check(f, file.Observations, bridge);
            return finding.Verdict switch
            {
                RuleVerdict.Holds => Finding.Match(finding.Observed, finding.Location ?? new CaptureLocation(file.Path, 0), finding.Note),
                RuleVerdict.Broken when finding.Location is { } at => Finding.Mismatch(finding.Observed, at, finding.Note),
                RuleVerdict.Broken => Finding.Absent(finding.Observed, conclusive: true, finding.Note),
                _ => Finding.Inconclusive(finding.Note ?? finding.Observed),
            };
        }, NoCapture(f.Device, format == CaptureFormat.NftList ? "`nft list ruleset`" : "`ip6tables-save`"));
    }

    internal static CaptureFactResult NotCovered(VerifyFact fact, string note) =>
        new(fact, CaptureOutcome.NotCovered, null, null, note);

    /// <summary>
    /// Combines what each covering capture says: a contradiction (or a conclusive absence from a complete capture)
    /// fails the fact; otherwise a capture showing it passes it; otherwise it is not covered, with the reasons.
    /// </summary>
    internal static CaptureFactResult Evaluate(VerifyFact fact, IEnumerable<CaptureFile> files, Func<CaptureFile, Finding> check, string noCapture)
    {
        var findings = files.Select(file => (File: file, Finding: check(file))).ToList();
        if (findings.Count == 0) return NotCovered(fact, noCapture);
        foreach (var (file, f) in findings)
        {
            if (f.Kind == FindingKind.Mismatch) return new(fact, CaptureOutcome.Fail, f.Observed, f.Location, f.Note);
            if (f.Kind == FindingKind.Absent && f.Conclusive && !file.IsPartial)
                return new(fact, CaptureOutcome.Fail, "(" + f.Observed + ")", new CaptureLocation(file.Path, 0), f.Note);
        }
        var match = findings.FirstOrDefault(x => x.Finding.Kind == FindingKind.Match).Finding;
        if (match is not null) return new(fact, CaptureOutcome.Pass, match.Observed, match.Location, match.Note);
        var reasons = findings.Select(x => x.Finding.Kind == FindingKind.Absent
            ? x.File.Path + (x.File.IsPartial && x.Finding.Conclusive ? " is partial (elided or filtered) and" : "") + " shows " + x.Finding.Observed
              + (x.Finding.Note is null ? "" : " (" + x.Finding.Note + ")")
            : x.File.Path + ": " + x.Finding.Note);
        return NotCovered(fact, string.Join("; ", reasons.Distinct()));
    }

    internal static string NoCapture(string device, string commands) => $"no capture of {commands} from {device}";
}

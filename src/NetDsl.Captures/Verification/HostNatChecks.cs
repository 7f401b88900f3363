using System;
using System.Linq;
using NetDsl.Captures.Model;
using NetDsl.Model;
using NetDsl.Planning;

namespace NetDsl.Captures.Verification;

/// <summary>The host's masquerade (`nft list …`) and the conntrack entries it leaves (`conntrack -E` / `-L`).</summary>
internal static class HostNatChecks
{
    public static CaptureFactResult Masquerade(CaptureContext c, MasqueradeFact f) =>
        CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.NftList), file =>
        {
            // inet tables hold rules for both families; which table or chain holds the rule (firewalld's, NetDsl's) does not matter.
            string family = NftablesRuleset.Family(f.Family);
            var rules = file.OfType<ObservedNftRule>().Where(r => r.IsMasquerade && (r.Family == family || r.Family == "inet")).ToList();
            var hit = rules.FirstOrDefault(r => Normalise(r.Rule) == Normalise(f.Rule));
            if (hit is not null) return Finding.Match(hit.Rule + " in " + hit.Family + " " + hit.Table + " " + hit.Chain, hit.Location);
            if (rules.Count > 0) return Finding.Mismatch(string.Join(" | ", rules.Select(r => r.Rule)), rules[0].Location);
            // `nft list chain|table` shows one chain or table: the rule may be elsewhere. Only a whole ruleset is conclusive.
            bool wholeRuleset = file.Command?.IndexOf("ruleset", StringComparison.OrdinalIgnoreCase) >= 0;
            return Finding.Absent("no " + family + " masquerade rule", conclusive: wholeRuleset,
                wholeRuleset ? null : "it lists one chain or table only");
        }, CaptureVerifier.NoCapture(f.Device, "`nft list ruleset`"));

    // Counters are bookkeeping, not behaviour: `oifname != "lo" counter masquerade` masquerades the same packets.
    private static string Normalise(string rule) =>
        string.Join(" ", rule.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Where(w => w != "counter"));

    public static CaptureFactResult Conntrack(CaptureContext c, ConntrackFact f) =>
        CaptureVerifier.Evaluate(f, c.Covering(f.Device, CaptureFormat.Conntrack), file =>
        {
            var entries = file.OfType<ObservedConntrackEntry>()
                .Where(e => string.Equals(e.Protocol, f.Protocol, StringComparison.OrdinalIgnoreCase)
                            && c.Resolve(e.Original.Source) == f.OriginalSource && c.Resolve(e.Original.Destination) == f.OriginalDestination)
                .ToList();
            // conntrack shows what was alive (or happened) while it ran: a missing entry proves nothing.
            if (entries.Count == 0) return Finding.Absent("no " + f.Protocol + " entry from " + f.OriginalSource + " to " + f.OriginalDestination, conclusive: false);
            var hit = entries.FirstOrDefault(e => e.Reply is { } r && c.Resolve(r.Source) == f.ReplySource && c.Resolve(r.Destination) == f.ReplyDestination);
            if (hit is not null) return Finding.Match(Text(hit), hit.Location);
            var replied = entries.FirstOrDefault(e => e.Reply is not null);
            if (replied is null) return Finding.Absent("no reply tuple", conclusive: false);
            return Finding.Mismatch(Text(replied), replied.Location,
                c.Resolve(replied.Reply!.Destination) == f.OriginalSource ? "the reply goes to the container itself: the host did not masquerade" : null);
        }, CaptureVerifier.NoCapture(f.Device, "`conntrack -E` or `conntrack -L`"));

    private static string Text(ObservedConntrackEntry e) =>
        (e.Event is null ? "" : "[" + e.Event + "] ") + e.Protocol + " src=" + e.Original.Source + " dst=" + e.Original.Destination
        + (e.Reply is { } r ? " … src=" + r.Source + " dst=" + r.Destination : "");
}

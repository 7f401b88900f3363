using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetDsl.Model;

namespace NetDsl.Lab;

/// <summary>
/// A firewall's NPTv6 and allow rules as one <c>ip6tables-restore</c> input (one transaction).
///
/// NPTv6: per mapping, SNPT in mangle POSTROUTING on the rule's interface for the inside prefix, DNPT in mangle
/// PREROUTING on that interface for the outside prefix — the kernel's RFC 6296 targets, stateless as the RFC is — or,
/// with NetDsl's translator, NFQUEUE to its gateway in the same two places (<see cref="Translators.Nptv6Lowering"/>).
/// raw NOTRACK keeps conntrack out: it runs before mangle, so it would file the reply under its untranslated
/// destination and never match it to the request anyway.
///
/// Zones: FORWARD drops by default; interfaces of one zone pass to each other (PAN-OS's default intrazone rule);
/// an allow rule passes its zones' interfaces in its direction. PAN-OS then lets the session's replies back. Without
/// conntrack the lab cannot know sessions, so it lets reply-shaped packets back in the reverse direction of an
/// allow rule: ICMPv6 echo replies and errors, TCP without SYN. A new connection from the far zone stays dropped.
/// </summary>
public static class FirewallRules
{
    /// <param name="translator">What the NPTv6 rules' packets go to (<see cref="Translators.Nptv6Lowering"/>): the rest does not depend on it.</param>
    public static string Render(Firewall fw, Func<string, string> linux, Translators.LabTranslator translator = Translators.LabTranslator.Kernel)
    {
        var text = new StringBuilder();
        text.Append("*raw\n-A PREROUTING -j CT --notrack\n-A OUTPUT -j CT --notrack\nCOMMIT\n");
        text.Append("*mangle\n");
        for (int k = 0; k < fw.Nptv6Rules.Count; k++)
        {
            var rule = fw.Nptv6Rules[k];
            string dev = linux(rule.Interface);
            foreach (var m in rule.Mappings)
                text.Append($"-A POSTROUTING -o {dev} -s {m.Inside} {Translators.Nptv6Lowering.Target(translator, k, m, outbound: true)}\n");
            foreach (var m in rule.Mappings)
                text.Append($"-A PREROUTING -i {dev} -d {m.Outside} {Translators.Nptv6Lowering.Target(translator, k, m, outbound: false)}\n");
        }
        text.Append("COMMIT\n");

        text.Append("*filter\n:FORWARD DROP [0:0]\n");
        var zones = fw.Interfaces.Where(i => i.Zone is not null).GroupBy(i => i.Zone!).ToDictionary(g => g.Key, g => g.Select(i => linux(i.Name)).ToList());
        foreach (var zone in zones.Values)
            foreach (var from in zone)
                foreach (var to in zone)
                    text.Append($"-A FORWARD -i {from} -o {to} -j ACCEPT\n");
        foreach (var allow in fw.Allows)
        {
            if (!zones.TryGetValue(allow.FromZone, out var fromIfs) || !zones.TryGetValue(allow.ToZone, out var toIfs)) continue;
            foreach (var from in fromIfs)
                foreach (var to in toIfs)
                {
                    text.Append($"-A FORWARD -i {from} -o {to} -j ACCEPT\n");
                    foreach (var reply in ReplyMatches)
                        text.Append($"-A FORWARD -i {to} -o {from} {reply} -j ACCEPT\n");
                }
        }
        text.Append("COMMIT\n");
        return text.ToString();
    }

    private static readonly IReadOnlyList<string> ReplyMatches = new[]
    {
        "-p ipv6-icmp --icmpv6-type echo-reply",
        "-p ipv6-icmp --icmpv6-type destination-unreachable",
        "-p ipv6-icmp --icmpv6-type packet-too-big",
        "-p ipv6-icmp --icmpv6-type time-exceeded",
        "-p ipv6-icmp --icmpv6-type parameter-problem",
        "-p tcp ! --syn",
    };
}

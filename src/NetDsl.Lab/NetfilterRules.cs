using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetDsl.Model;
using NetDsl.Tracing;

namespace NetDsl.Lab;

/// <summary>
/// A lab device's filter and translation rules (<see cref="DeviceRules"/>, the ones a vendor device carries) as one
/// <c>iptables-restore</c> / <c>ip6tables-restore</c> input per family: one transaction, in the order trace
/// evaluates them.
///
/// Filters: FORWARD, first match decides, then the policy; a rule for replies only becomes reply-shaped matches (echo
/// replies, ICMP errors, TCP without SYN): the lab keeps no connection state (raw NOTRACK), so where PAN-OS lets a
/// session's replies back, the lab lets packets that look like replies back. A new connection from the far side is
/// still dropped; an unsolicited echo reply would pass (PAN-OS drops it).
///
/// NPTv6: the kernel's stateless RFC 6296 targets, SNPT in mangle POSTROUTING and DNPT in mangle PREROUTING, each in a
/// chain of its own that ends in ACCEPT, so the first rule that matches translates and no later one does (PAN-OS's
/// top-down first match). A rule's source zone is matched by a mark set in PREROUTING from the ingress interface (the
/// ingress interface is unknown in POSTROUTING); a packet the device makes itself carries no zone mark, as on PAN-OS.
/// With NetDsl's translator (<c>lab up --translator netdsl</c>) the same chains hand the packets to NFQUEUE, to a
/// gateway per rule (<see cref="Translators.Nptv6Lowering"/>); nothing else changes.
/// raw NOTRACK keeps conntrack out: it runs before mangle and would file a reply under its untranslated address.
/// </summary>
public static class NetfilterRules
{
    /// <summary>The rules of one family, or null when the lab makes none for it on this device.</summary>
    public static string? Render(TopologyDevice device, IpFamily family, Func<string, string> linux,
        Translators.LabTranslator translator = Translators.LabTranslator.Kernel)
    {
        bool LabMade(RuleMaker m) => m is RuleMaker.File or RuleMaker.VendorDefault;
        var filters = device.Rules.Filters.Where(r => LabMade(r.Maker) && (r.Family is null || r.Family == family)).ToList();
        var policy = device.Rules.PolicyOf(family) is { } p && LabMade(p.Maker) ? p : null;
        var nat = device.Rules.Nat.Where(r => LabMade(r.Maker) && r.Family == family).ToList();
        if (filters.Count == 0 && policy is null && nat.Count == 0) return null;
        if (nat.Any(r => r.Kind == NatKind.Masquerade))
            throw new NotSupportedException($"{device.Name}: a masquerade made by the lab needs conntrack, which lab firewalls do not keep");

        var text = new StringBuilder();
        text.Append("*raw\n-A PREROUTING -j CT --notrack\n-A OUTPUT -j CT --notrack\nCOMMIT\n");
        if (nat.Count > 0) text.Append(Mangle(device, nat, linux, translator));

        text.Append("*filter\n");
        if (policy is not null) text.Append($":FORWARD {(policy.Action == FilterAction.Drop ? "DROP" : "ACCEPT")} [0:0]\n");
        foreach (var rule in filters)
        {
            string target = rule.Action == FilterAction.Accept ? "ACCEPT" : "DROP";
            var shapes = rule.Packets == PacketMatch.Replies ? ReplyMatches(family) : new[] { "" };
            foreach (var inMatch in Side("-i", rule.In, linux))
                foreach (var outMatch in Side("-o", rule.Out, linux))
                    foreach (var shape in shapes)
                        text.Append("-A FORWARD").Append(inMatch).Append(outMatch).Append(shape.Length > 0 ? " " + shape : "").Append($" -j {target}\n");
        }
        text.Append("COMMIT\n");
        return text.ToString();
    }

    private static string Mangle(TopologyDevice device, List<NatRule> nat, Func<string, string> linux, Translators.LabTranslator translator)
    {
        // A rule's number among the firewall's NPTv6 rules (file order) picks its gateway's queues (Nptv6Lowering.Gateways).
        var names = device.Firewall is { } fw ? fw.Nptv6Rules.Select(r => r.Name) : nat.Select(r => r.Rule);
        var ruleIndex = names.Distinct().Select((name, k) => (name, k)).ToDictionary(x => x.name, x => x.k);
        var text = new StringBuilder("*mangle\n");
        var zoned = nat.Where(r => r.Kind == NatKind.Nptv6Outbound && !r.In.IsAny).ToList();
        // One mark per ingress interface (1…), so POSTROUTING can match a rule's source zone.
        var marks = device.Interfaces.Select((i, n) => (i.Name, Mark: n + 1)).ToDictionary(x => x.Name, x => x.Mark);
        if (zoned.Count > 0)
            foreach (var i in device.Interfaces)
                text.Append($"-A PREROUTING -i {linux(i.Name)} -j MARK --set-xmark {Hex(marks[i.Name])}/0xff\n");
        int n = 0;
        var rules = new StringBuilder();
        foreach (var r in nat.Where(r => r.Kind == NatKind.Nptv6Inbound))
        {
            string chain = "NPT-IN-" + (++n).ToString(CultureInfo.InvariantCulture);
            text.Append($":{chain} - [0:0]\n");
            rules.Append($"-A {chain} {Translators.Nptv6Lowering.Target(translator, ruleIndex[r.Rule], r.Prefixes!, outbound: false)}\n-A {chain} -j ACCEPT\n");
            foreach (var i in Names(r.In))
                rules.Append($"-A PREROUTING{(i is null ? "" : " -i " + linux(i))} -d {r.Destination} -j {chain}\n");
        }
        n = 0;
        foreach (var r in nat.Where(r => r.Kind == NatKind.Nptv6Outbound))
        {
            string chain = "NPT-OUT-" + (++n).ToString(CultureInfo.InvariantCulture);
            text.Append($":{chain} - [0:0]\n");
            rules.Append($"-A {chain} {Translators.Nptv6Lowering.Target(translator, ruleIndex[r.Rule], r.Prefixes!, outbound: true)}\n-A {chain} -j ACCEPT\n");
            foreach (var from in Names(r.In))
                foreach (var to in Names(r.Out))
                    rules.Append("-A POSTROUTING" + (from is null ? "" : $" -m mark --mark {Hex(marks.TryGetValue(from, out var m) ? m : 0)}/0xff")
                                 + (to is null ? "" : " -o " + linux(to)) + $" -s {r.Source} -j {chain}\n");
        }
        return text.Append(rules).Append("COMMIT\n").ToString();
    }

    /// <summary>Each name of a positive match (null for any); negated matches are not made by the lab's vendors.</summary>
    private static IEnumerable<string?> Names(InterfaceMatch match)
    {
        if (match.IsAny) return new string?[] { null };
        if (match.Negated) throw new NotSupportedException("a negated interface match in an NPTv6 rule");
        return match.Names;
    }

    /// <summary>The -i or -o part of a filter rule, one per name ("" for any; "! -i X" for the one name a rule excludes).</summary>
    private static IEnumerable<string> Side(string flag, InterfaceMatch match, Func<string, string> linux)
    {
        if (match.IsAny) return new[] { "" };
        if (match.Negated)
        {
            // Only engine rules exclude interfaces, and the lab does not make those; one name is all iptables can exclude.
            if (match.Names.Count != 1) throw new NotSupportedException("a filter rule excluding several interfaces");
            return new[] { $" ! {flag} {linux(match.Names[0])}" };
        }
        return match.Names.Select(n => $" {flag} {linux(n)}");
    }

    private static string Hex(int value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ReplyMatches(IpFamily family) => family == IpFamily.Ipv6
        ? new[]
        {
            "-p ipv6-icmp --icmpv6-type echo-reply",
            "-p ipv6-icmp --icmpv6-type destination-unreachable",
            "-p ipv6-icmp --icmpv6-type packet-too-big",
            "-p ipv6-icmp --icmpv6-type time-exceeded",
            "-p ipv6-icmp --icmpv6-type parameter-problem",
            "-p tcp ! --syn",
        }
        : new[]
        {
            "-p icmp --icmp-type echo-reply",
            "-p icmp --icmp-type destination-unreachable",
            "-p icmp --icmp-type time-exceeded",
            "-p icmp --icmp-type parameter-problem",
            "-p tcp ! --syn",
        };
}

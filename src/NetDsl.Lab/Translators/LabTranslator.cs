using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Model;

namespace NetDsl.Lab.Translators;

/// <summary>Which translator the lab puts in a firewall's NPTv6 path (<c>lab up --translator kernel|netdsl</c>).</summary>
public enum LabTranslator
{
    /// <summary>Linux's ip6t_NPT: SNPT and DNPT targets in the mangle table.</summary>
    Kernel,

    /// <summary>NetDsl's gateway (`netdsl nptv6 run --nfqueue`) behind NFQUEUE targets in exactly the same places.</summary>
    NetDsl,
}

/// <summary>A gateway the lab starts for one NPTv6 rule of one firewall: its namespace, its mappings and its two queues.</summary>
public sealed record LabGateway(string Namespace, string Firewall, string Rule, IReadOnlyList<Nptv6Mapping> Mappings, ushort FirstQueue)
{
    /// <summary>The gateway's name in the lab's files (log, status): unique per lab.</summary>
    public string FileName => Firewall + "-" + Rule;

    /// <summary>The arguments after <c>netdsl nptv6 run</c>: the rule's mappings as pairs (no re-binding of the file) and the queues.</summary>
    public IReadOnlyList<string> Arguments =>
        Mappings.SelectMany(m => new[] { "--inside", m.Inside.ToString(), "--outside", m.Outside.ToString() })
            .Concat(new[] { "--nfqueue", FirstQueue.ToString(CultureInfo.InvariantCulture) })
            .ToList();
}

/// <summary>
/// The one swappable piece of the lab's firewall lowering: what the mangle rules that select a rule's packets (SNPT's
/// and DNPT's places, see <see cref="NetfilterRules"/>) hand them to. Everything else — zones, filter, routes, conntrack —
/// is the same with either translator, so the two can be compared expect by expect.
/// </summary>
public static class Nptv6Lowering
{
    /// <summary>Queue numbers of a firewall's rules: rule k (in file order) uses FirstQueue + 2k (SNPT) and + 2k + 1 (DNPT).</summary>
    public const ushort FirstQueue = 6296;

    /// <summary>The ip6tables target for one mapping of rule number <paramref name="ruleIndex"/> of a firewall, one direction.</summary>
    public static string Target(LabTranslator translator, int ruleIndex, NetDsl.Nptv6.Nptv6PrefixPair mapping, bool outbound) => translator switch
    {
        LabTranslator.Kernel => outbound
            ? $"-j SNPT --src-pfx {mapping.Inside} --dst-pfx {mapping.Outside}"
            : $"-j DNPT --src-pfx {mapping.Outside} --dst-pfx {mapping.Inside}",
        // NFQUEUE has no fallback: with no gateway listening, the packet is dropped, never sent on untranslated.
        LabTranslator.NetDsl => "-j NFQUEUE --queue-num " + Queue(ruleIndex, outbound).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(translator), translator, null),
    };

    /// <summary>The gateways a firewall needs: none with the kernel's translator, one per NPTv6 rule with NetDsl's.</summary>
    public static IEnumerable<LabGateway> Gateways(LabTranslator translator, Firewall firewall, string netns)
    {
        if (translator != LabTranslator.NetDsl) yield break;
        for (int k = 0; k < firewall.Nptv6Rules.Count; k++)
        {
            var rule = firewall.Nptv6Rules[k];
            yield return new LabGateway(netns, firewall.Name, rule.Name, rule.Mappings.ToList(), Queue(k, outbound: true));
        }
    }

    private static ushort Queue(int ruleIndex, bool outbound) => (ushort)(FirstQueue + 2 * ruleIndex + (outbound ? 0 : 1));

    public static bool TryParse(string text, out LabTranslator translator)
    {
        switch (text)
        {
            case "kernel": translator = LabTranslator.Kernel; return true;
            case "netdsl": translator = LabTranslator.NetDsl; return true;
            default: translator = LabTranslator.Kernel; return false;
        }
    }

    public static string Name(LabTranslator translator) => translator == LabTranslator.NetDsl ? "netdsl" : "kernel";
}

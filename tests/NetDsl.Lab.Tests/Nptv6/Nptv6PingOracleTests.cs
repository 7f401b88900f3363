using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NetDsl.Addressing;
using NetDsl.Pcap;
using NetDsl.Lab.Sniffing;
using NetDsl.Nptv6;
using NetDsl.TestSupport;
using NUnit.Framework;

namespace NetDsl.Lab.Tests.Nptv6;

/// <summary>
/// Oracle (a): pings from many inside addresses through a router running Linux SNPT/DNPT. The echo requests'
/// sources captured outside must be NetDsl's outbound translation; the echo replies' destinations captured on
/// the way back in must be NetDsl's inbound translation of the address the reply was sent to.
/// </summary>
[Category("Lab")]
public class Nptv6PingOracleTests
{
    private const int RandomPerRule = 14;

    [Test]
    public async Task Kernel_snpt_and_dnpt_agree_with_netdsl_on_every_pinged_address()
    {
        LabRequirement.RequireRootAndNamespaces("ip6tables", "tcpdump", "ping");
        var rules = OracleCases.Rules(Nptv6Compatibility.LinuxKernel);
        var random = new Random(20240605);
        var cases = rules.SelectMany(r => OracleCases.Addresses(r, random, RandomPerRule).Select(c => (Rule: r, c.Kind, c.Address))).ToList();
        Assert.That(cases, Has.Count.LessThanOrEqualTo(200), "bounded: at most 200 pings");

        await using var lab = await NptOracleLab.CreateAsync(rules);
        await lab.AddInsideAddressesAsync(cases.Select(c => c.Address));

        await using var outside = await Tcpdump.StartAsync(lab.Outside, "vo", "icmp6 and ip6[40] == 128");
        await using var inside = await Tcpdump.StartAsync(lab.Router, "ri", "icmp6 and ip6[40] == 129");
        await PingAllAsync(lab, cases.Select(c => c.Address));
        // A burst of ~120 pings can lose one to a full queue; send a second ping for any translatable address
        // not seen yet, so that "not seen" means the kernel dropped it rather than that a queue did.
        var firstRound = Icmp(await outside.PeekAsync()).Select(r => r.Source).ToHashSet();
        var missing = cases.Where(c => c.Rule.TranslateOutbound(c.Address) is { IsTranslated: true } r && !firstRound.Contains(r.Address)).Select(c => c.Address).ToList();
        if (missing.Count > 0) await PingAllAsync(lab, missing);
        // Replies can trail their pings on a loaded machine: stop the captures once the inside one stops growing.
        int seen = -1;
        for (int i = 0; i < 20; i++)
        {
            await Task.Delay(300);
            int now = Icmp(await inside.PeekAsync()).Count();
            if (now == seen) break;
            seen = now;
        }
        var requests = Icmp(await outside.StopAsync()).ToList();
        var replies = Icmp(await inside.StopAsync()).ToList();

        var seenSources = requests.Select(r => r.Source).ToHashSet();
        int translated = 0, dropped = 0, rfcDiffers = 0, repliesCompared = 0;
        var failures = new List<string>();
        foreach (var (rule, kind, address) in cases)
        {
            var expected = rule.TranslateOutbound(address);
            var rfc = Nptv6Translator.Create(rule.Prefixes.Inside, rule.Prefixes.Outside).TranslateOutbound(address);
            if (rfc.Outcome != expected.Outcome) rfcDiffers++;
            if (expected.IsTranslated)
            {
                translated++;
                if (!seenSources.Contains(expected.Address))
                    failures.Add($"{rule} {kind}: {address} -> NetDsl {expected.Address}, not seen from the kernel");
            }
            else
            {
                dropped++;
                // The kernel must not have let it out under any source from this rule's outside prefix with its IID.
                if (requests.Any(r => rule.Prefixes.Outside.Contains(r.Source) && r.Source.Low == address.Low))
                    failures.Add($"{rule} {kind}: {address} untranslatable for NetDsl ({expected.Describe()}) but the kernel sent it");
            }
        }
        var expectedSources = cases.Select(c => c.Rule.TranslateOutbound(c.Address)).Where(r => r.IsTranslated).Select(r => r.Address).ToHashSet();
        foreach (var source in seenSources.Where(s => !expectedSources.Contains(s)))
            failures.Add($"the kernel sent a request from {source}, which NetDsl does not produce for any pinged address");

        // Replies: join on the echo identifier (one ping process, one identifier).
        var requestById = requests.GroupBy(r => r.Identifier).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        foreach (var reply in replies)
        {
            if (!requestById.TryGetValue(reply.Identifier, out var request)) continue;
            var rule = cases.First(c => c.Rule.Prefixes.Outside.Contains(request.Source)).Rule;
            var inbound = rule.TranslateInbound(request.Source);
            repliesCompared++;
            if (!inbound.IsTranslated || inbound.Address != reply.Destination)
                failures.Add($"{rule}: reply to {request.Source} went to {reply.Destination} (kernel DNPT), NetDsl says {inbound.Address} ({inbound.Describe()})");
        }

        TestContext.Out.WriteLine($"oracle (ping): {cases.Count} addresses over {rules.Count} rules; {translated} translated and compared, " +
            $"{dropped} untranslatable (not sent by the kernel either), {repliesCompared} replies compared inbound; " +
            $"{rfcDiffers} addresses where RFC 6296 mode differs from the kernel (subnet word 0xffff)");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
        Assert.That(translated, Is.GreaterThan(cases.Count * 3 / 4));
        Assert.That(repliesCompared, Is.GreaterThan(translated / 2), "most replies came back through DNPT");
        Assert.That(rfcDiffers, Is.EqualTo(rules.Count(r => r.Outbound.EffectiveLength <= 48)), "one subnet-0xffff case per ≤ /48 rule");
    }

    private static async Task PingAllAsync(NptOracleLab lab, IEnumerable<IpAddress> sources)
    {
        var script = new StringBuilder();
        foreach (var source in sources)
            script.Append("ping -6 -n -q -c 1 -W 2 -I ").Append(source).Append(' ').Append(NptOracleLab.OutsideHost).Append(" >/dev/null 2>&1 &\n");
        script.Append("wait\n");
        await lab.Inside.ExecAsync("sh", "-c", script.ToString());
        await Task.Delay(200);
    }

    private sealed record Echo(IpAddress Source, IpAddress Destination, ushort Identifier);

    private static IEnumerable<Echo> Icmp(PcapFile capture)
    {
        foreach (var record in capture.Records)
        {
            if (!PcapLinkType.TryFindIpv6(capture.Header.LinkType, record.Data, out int offset)) continue;
            var packet = record.Data.AsSpan(offset);
            if (packet.Length < 48 || packet[6] != 58) continue;
            yield return new Echo(
                IpAddress.FromBytes(packet.Slice(8, 16).ToArray()),
                IpAddress.FromBytes(packet.Slice(24, 16).ToArray()),
                (ushort)(packet[44] << 8 | packet[45]));
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// How a docker-host's NPTv6 rule (<c>nptv6 NAME interface IF translator netdsl { … }</c>) runs as a service: the
/// <c>netdsl nptv6 run</c> arguments (a TUN device with its routes, tayga's design: no netfilter rules to merge with
/// Docker's), the names it uses, and the systemd unit. One place, so the rendered artifact, apply and verify agree.
/// </summary>
public sealed record Nptv6GatewayService(string Host, HostNptv6Rule Rule, int Index)
{
    /// <summary>Where the gateway keeps its status file (and, run in the foreground by apply, its log and pid).</summary>
    public const string StateFolder = "/run/netdsl/nptv6";

    public const string UnitFolder = "/etc/systemd/system";

    /// <summary>All of a model's gateways: one per NPTv6 rule of each docker-host, numbered per host.</summary>
    public static IEnumerable<Nptv6GatewayService> All(NetworkModel model) =>
        model.Hosts.SelectMany(h => h.Nptv6Rules.Select((r, i) => new Nptv6GatewayService(h.Name, r, i)));

    public static Nptv6GatewayService? Find(NetworkModel model, string host, string rule) =>
        All(model).FirstOrDefault(s => s.Host == host && s.Rule.Name == rule);

    /// <summary>The TUN device: "npt" and 8 hex digits of a hash of host and rule (interface names have at most 15 characters).</summary>
    public string Device => "npt" + Fnv(Host + "/" + Rule.Name).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The routing table of the policy rule for the inside prefixes: one per rule of the host.</summary>
    public int Table => 6296 + Index;

    public string UnitName => "netdsl-nptv6-" + Rule.Name + ".service";

    public string UnitPath => UnitFolder + "/" + UnitName;

    public string StatusPath => StateFolder + "/" + Rule.Name + ".json";

    public string LogPath => StateFolder + "/" + Rule.Name + ".log";

    /// <summary>The arguments after <c>netdsl</c>.</summary>
    public IReadOnlyList<string> Arguments
    {
        get
        {
            var args = new List<string> { "nptv6", "run" };
            foreach (var m in Rule.Mappings) args.AddRange(new[] { "--inside", m.Inside.ToString(), "--outside", m.Outside.ToString() });
            args.AddRange(new[] { "--tun", Device, "--route", "--table", Table.ToString(CultureInfo.InvariantCulture), "--stats", "60", "--status-file", StatusPath });
            return args;
        }
    }

    /// <summary>The mappings as the gateway reports them in its status file ("INSIDE &lt;-&gt; OUTSIDE").</summary>
    public IReadOnlyList<string> MappingTexts => Rule.Mappings.Select(m => m.Inside + " <-> " + m.Outside).ToList();

    /// <summary>
    /// The systemd unit; <paramref name="netdsl"/> is how to start netdsl (the artifact says <c>netdsl</c>, found in
    /// systemd's search path; apply writes the path of the netdsl that runs it).
    /// </summary>
    public string Unit(IReadOnlyList<string> netdsl, string sourcePath)
    {
        var text = new StringBuilder();
        text.Append("# NetDsl's NPTv6 gateway for rule ").Append(Rule.Name).Append(" of docker-host ").Append(Host).Append(" (").Append(sourcePath).Append("):\n");
        foreach (var m in Rule.Mappings) text.Append("#   ").Append(m.Inside).Append(" <-> ").Append(m.Outside).Append(" through ").Append(Rule.Interface).Append('\n');
        text.Append("# `netdsl apply` installs it as ").Append(UnitPath).Append("; `netdsl verify` reads ").Append(StatusPath).Append(".\n");
        text.Append("[Unit]\n");
        text.Append("Description=NetDsl NPTv6 gateway (rule ").Append(Rule.Name).Append(")\n");
        text.Append("After=network-online.target\nWants=network-online.target\n\n");
        text.Append("[Service]\nType=simple\n");
        text.Append("ExecStart=").Append(string.Join(" ", netdsl.Concat(Arguments).Select(Quote))).Append('\n');
        text.Append("Restart=on-failure\nRestartSec=2\n\n");
        text.Append("[Install]\nWantedBy=multi-user.target\n");
        return text.ToString();
    }

    // systemd splits ExecStart like a shell without expansion: quote what has spaces (paths of the netdsl binary).
    private static string Quote(string word) => word.IndexOfAny(new[] { ' ', '"', '\\' }) < 0 ? word : "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }
}

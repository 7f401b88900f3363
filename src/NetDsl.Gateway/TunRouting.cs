using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetDsl.Nptv6;

namespace NetDsl.Gateway;

/// <summary>
/// The routes that send a rule's traffic into the gateway's TUN device, as <c>ip</c> argument lists (run by
/// <c>netdsl nptv6 run --route</c>, and written into the systemd unit). tayga routes its NAT64 prefix into the device;
/// NPTv6 needs that for the outside prefixes (inbound, by destination) and a policy rule for the inside prefixes
/// (outbound, by source): what comes from an inside prefix looks up <see cref="Table"/>, whose default route is the
/// device and whose <c>throw</c> routes send inside-to-inside traffic back to the main table. Packets the gateway
/// writes back come from the outside prefix (or go to the inside one), so they never match the rule again.
/// </summary>
public sealed record TunRouting(string Device, int Table, int Priority, IReadOnlyList<Nptv6PrefixPair> Mappings)
{
    public const int DefaultTable = 6296;
    public const int DefaultPriority = 6296;

    /// <summary>Commands that add the routes and rules (after <see cref="Teardown"/>, so a second run does not duplicate a rule).</summary>
    public IReadOnlyList<string[]> Setup
    {
        get
        {
            var commands = new List<string[]>();
            foreach (var outside in Mappings.Select(m => m.Outside).Distinct())
                commands.Add(new[] { "-6", "route", "replace", outside.ToString(), "dev", Device });
            commands.Add(new[] { "-6", "route", "replace", "default", "dev", Device, "table", TableText });
            foreach (var inside in Insides) commands.Add(new[] { "-6", "route", "replace", "throw", inside, "table", TableText });
            foreach (var inside in Insides) commands.Add(new[] { "-6", "rule", "add", "from", inside, "lookup", TableText, "priority", PriorityText });
            return commands;
        }
    }

    /// <summary>Commands that remove them (each may fail harmlessly when there is nothing to remove; routes through the device go with it).</summary>
    public IReadOnlyList<string[]> Teardown
    {
        get
        {
            var commands = Insides.Select(inside => new[] { "-6", "rule", "del", "from", inside, "lookup", TableText, "priority", PriorityText }).ToList();
            commands.Add(new[] { "-6", "route", "flush", "table", TableText });
            return commands;
        }
    }

    private IEnumerable<string> Insides => Mappings.Select(m => m.Inside.ToString()).Distinct();

    private string TableText => Table.ToString(CultureInfo.InvariantCulture);

    private string PriorityText => Priority.ToString(CultureInfo.InvariantCulture);
}

using System.Text.RegularExpressions;

namespace NetDsl.Captures.Parsers;

/// <summary>
/// A shell or device prompt with the command typed after it, as people paste it above the output:
/// <c># ip add</c>, <c>[root@45b84c2182a5 /]# ip add</c>, <c>user@host:~$ ip -6 route</c>, <c>Rdc01#sh run | in ::/0</c>,
/// <c>admin@FWdc01&gt; show interface all</c>. Only read at the top (and, when empty, the bottom) of a capture,
/// never between output lines.
/// </summary>
internal sealed record PromptLine(string? Host, string Command)
{
    // [user@host dir]#   user@host:dir$   admin@FWdc01>
    private static readonly Regex UserAtHost = new(
        @"^\s*(?:\[(?<user>[^@\]\s]+)@(?<host>[^\s\]]+)[^\]]*\]|(?<user>[\w.-]+)@(?<host>[\w.-]+)(?::\S*)?)\s?[#$>%]\s?(?<cmd>.*)$",
        RegexOptions.CultureInvariant);

    // Router#   Router>   Router(config)#
    private static readonly Regex DevicePrompt = new(
        @"^(?<host>[A-Za-z][\w.-]*)(?:\([\w-]*\))?[#>]\s?(?<cmd>.*)$", RegexOptions.CultureInvariant);

    // "# cmd" / "$ cmd": a bare root or user shell prompt.
    private static readonly Regex BarePrompt = new(@"^\s*[#$]\s+(?<cmd>\S.*)$", RegexOptions.CultureInvariant);

    public static bool TryParse(string line, out PromptLine prompt)
    {
        prompt = null!;
        var match = UserAtHost.Match(line);
        if (!match.Success) match = DevicePrompt.Match(line);
        if (match.Success)
        {
            prompt = new PromptLine(match.Groups["host"].Value, match.Groups["cmd"].Value.Trim());
            return true;
        }
        match = BarePrompt.Match(line);
        if (!match.Success) return false;
        prompt = new PromptLine(null, match.Groups["cmd"].Value.Trim());
        return true;
    }
}

using System.Globalization;
using System.Text;

namespace NetDsl.Benchmarks;

/// <summary>A synthetic .netdsl file: one Docker host, one IPv6 network, N containers (the 10,000-container yardstick).</summary>
public static class LargeNetDslFile
{
    public static string Create(int containers)
    {
        var sb = new StringBuilder();
        sb.Append("let IMAGE = \"busybox:stable\"\n\n");
        sb.Append("docker-host dockerhost {\n  interface ens192 address fd5a:ceb9:ed8d:fe0a::10/64\n  daemon {\n    ipv6 true\n    fixed-cidr-v6 2001:db8:1::/64\n  }\n}\n\n");
        sb.Append("network big_nw on dockerhost {\n  driver bridge\n  subnet fd5a:ceb9:ed8d:1::/64\n  bridge-name big_nw\n}\n\n");
        for (int i = 0; i < containers; i++)
            sb.Append("container c").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" on big_nw { image IMAGE  command [\"/bin/sh\"] }\n");
        return sb.ToString();
    }

    /// <summary>The same file with one line changed (one container's command), as a user's edit in the IDE.</summary>
    public static string EditOneLine(string text, int containers)
    {
        string line = "container c" + (containers / 2).ToString(CultureInfo.InvariantCulture) + " on big_nw { image IMAGE  command [\"/bin/sh\"] }\n";
        return text.Replace(line, line.Replace("/bin/sh", "/bin/ash"));
    }
}

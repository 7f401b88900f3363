using System.Globalization;
using System.Text;

namespace NetDsl.TestSupport;

/// <summary>Generated .netdsl files for benchmarks and scale tests.</summary>
public static class LargeFiles
{
    /// <summary>
    /// One Docker host with <paramref name="networks"/> networks (each with an IPv6 /64 and an IPv4 /22 subnet) and
    /// <paramref name="containers"/> containers spread evenly over them.
    /// </summary>
    public static string Generate(int networks = 1000, int containers = 10000)
    {
        var sb = new StringBuilder(containers * 64 + networks * 160);
        sb.Append("let IMAGE = \"busybox\"\n\n");
        sb.Append("docker-host host1 {\n  engine 20.10\n  interface eth0 address fd00:ffff::2/64\n  route ::/0 via fd00:ffff::1\n}\n\n");
        for (int n = 0; n < networks; n++)
        {
            string hex = n.ToString("x", CultureInfo.InvariantCulture);
            int third = (n * 4) % 256, second = 16 + (n * 4) / 256;
            sb.Append("network net").Append(n).Append(" on host1 {\n");
            sb.Append("  subnet fd00:").Append(hex).Append("::/64\n");
            sb.Append("  subnet 10.").Append(second).Append('.').Append(third).Append(".0/22\n");
            sb.Append("  bridge-name br").Append(n).Append('\n');
            sb.Append("}\n");
        }
        sb.Append('\n');
        for (int c = 0; c < containers; c++)
        {
            sb.Append("container c").Append(c).Append(" on net").Append(c % networks).Append(" { image IMAGE  command [\"/bin/sh\"]  tty }\n");
        }
        return sb.ToString();
    }

    /// <summary>The same file with one line changed (the middle container's command), as a user's edit in the IDE.</summary>
    public static string EditOneLine(string text, int containers = 10000, int networks = 1000)
    {
        int c = containers / 2;
        string line = "container c" + c + " on net" + (c % networks) + " { image IMAGE  command [\"/bin/sh\"]  tty }\n";
        return text.Replace(line, line.Replace("/bin/sh", "/bin/ash"));
    }
}

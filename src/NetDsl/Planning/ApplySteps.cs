using NetDsl.Model;

namespace NetDsl.Planning;

/// <summary>
/// One step of an <see cref="ApplyPlan"/>. <see cref="Key"/> is stable across runs ("dockerhost/network/br_ipv6_nw")
/// so a plan, an apply report and a generated plan class can name the same step. Steps describe the desired
/// state only; whether a step is needed (create, keep, drift) is decided against the live engine by the executor.
/// </summary>
public abstract record ApplyStep(string Key, string Device)
{
    /// <summary>One line for humans: what this step does.</summary>
    public abstract string Describe();
}

/// <summary>
/// Merge the host's owned daemon.json keys (<see cref="DaemonSettings"/>) into the existing file, keeping every
/// other key. Which JSON keys these become is the daemon.json renderer's business, not the plan's.
/// </summary>
public sealed record WriteDaemonJsonStep(string Device, DaemonSettings Settings)
    : ApplyStep(Device + "/daemon.json", Device)
{
    public override string Describe() => "merge NetDsl's keys into daemon.json (other keys kept)";
}

/// <summary>
/// Restart the engine — conditional: needed only when one of <see cref="Keys"/> (set by the file and listed in
/// restart-only keys: <see cref="NetDsl.Engines.DaemonKey.NeedsRestart"/>) actually changes value in daemon.json. SIGHUP reloads no networking
/// key (the seed: "reload してみたけど、反映されなかった"), so a reload is never enough.
/// </summary>
public sealed record RestartEngineStep(string Device, EquatableArray<string> Keys, bool LiveRestore)
    : ApplyStep(Device + "/engine/restart", Device)
{
    public override string Describe() =>
        "restart the engine (not reload: SIGHUP does not apply " + string.Join(", ", Keys) + ")"
        + (LiveRestore ? "; live-restore keeps containers running" : "; live-restore is off, so running containers stop");
}

/// <summary>Create a network with every setting pinned, labelled with its source and settings hash.</summary>
public sealed record CreateNetworkStep(string Device, DockerNetwork Network, string SettingsHash)
    : ApplyStep(Device + "/network/" + Network.Name, Device)
{
    public override string Describe() => "network " + Network.Name + " (" + (Network.Subnet6?.ToString() ?? Network.Subnet4 + ", IPv4-only") + ")";
}

/// <summary>
/// Create a container on its first network (API 1.41 accepts one endpoint at create) with its predicted
/// addresses pinned, so parallel creation cannot reorder them.
/// </summary>
public sealed record CreateContainerStep(string Device, Container Container, string SettingsHash)
    : ApplyStep(Device + "/container/" + Container.Name, Device)
{
    public override string Describe() => "container " + Container.Name + " (" + Container.Image + ")";
}

/// <summary>Connect a created container to one of its further networks, address pinned.</summary>
public sealed record ConnectNetworkStep(string Device, string Container, NetworkAttachment Attachment)
    : ApplyStep(Device + "/container/" + Container + "/connect/" + Attachment.Network, Device)
{
    public override string Describe() => "connect " + Container + " to " + Attachment.Network + " (" + (Attachment.Ipv6 ?? Attachment.Ipv4)?.ToString() + ")";
}

/// <summary>Start a container once all its networks are connected.</summary>
public sealed record StartContainerStep(string Device, string Container)
    : ApplyStep(Device + "/container/" + Container + "/start", Device)
{
    public override string Describe() => "start " + Container;
}

/// <summary>Replace NetDsl's own nftables table atomically (one <c>nft -f</c>); other tables are never touched.</summary>
public sealed record LoadNftablesStep(string Device, string Family, string Table, string Ruleset)
    : ApplyStep(Device + "/nftables/" + Family + "/" + Table, Device)
{
    public override string Describe() => "nftables table " + Family + " " + Table + " (replaced atomically)";
}

/// <summary>
/// Run NetDsl's NPTv6 gateway for a docker-host's rule (<see cref="Nptv6GatewayService"/>): as a systemd unit where the
/// host has systemd, else in the foreground of a detached process (containers, labs). Kept when it already runs with
/// the same arguments.
/// </summary>
public sealed record RunNptv6GatewayStep(string Device, HostNptv6Rule Rule, int Index)
    : ApplyStep(Device + "/nptv6/" + Rule.Name, Device)
{
    public Nptv6GatewayService Service => new(Device, Rule, Index);

    public override string Describe() => "NetDsl's NPTv6 gateway for rule " + Rule.Name + " (" + string.Join(", ", Service.MappingTexts) + " through " + Rule.Interface + ")";
}

/// <summary>Set one sysctl on the host, with the reason shown in the plan.</summary>
public sealed record SetSysctlStep(string Device, string Name, string Value, string Reason)
    : ApplyStep(Device + "/sysctl/" + Name, Device)
{
    public override string Describe() => "sysctl " + Name + "=" + Value + " (" + Reason + ")";
}

/// <summary>A router or firewall configuration NetDsl renders but cannot push: an operator installs it.</summary>
public sealed record PushDeviceConfigStep(string Device, Dialect Dialect)
    : ApplyStep(Device + "/config", Device)
{
    public override string Describe() => "install the rendered " + (Dialect == Dialect.Ios ? "IOS" : "PAN-OS") + " configuration of " + Device + " by hand";
}

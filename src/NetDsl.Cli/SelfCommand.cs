using System;
using System.Collections.Generic;
using System.IO;

namespace NetDsl.Cli;

/// <summary>
/// How to start this very CLI as another process (the lab starts `netdsl nptv6 run` gateways that outlive `lab up`):
/// the apphost when this process is it, else <c>dotnet NetDsl.Cli.dll</c> — also when the CLI runs inside a test host.
/// </summary>
public static class SelfCommand
{
    public static IReadOnlyList<string> Prefix()
    {
        string dll = typeof(Program).Assembly.Location;
        string? process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "NetDsl.Cli") return new[] { process };
        string dotnet = process is not null && Path.GetFileName(process) == "dotnet" ? process : "dotnet";
        return new[] { dotnet, dll };
    }
}

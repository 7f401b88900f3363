using System;
using System.Threading.Tasks;
using NetDsl.Docker.Processes;
using NetDsl.Lab.Namespaces;

namespace NetDsl.Lab.Docker;

/// <summary>
/// A container engine of the lab's own in a namespace of its own, serving the Docker API on a socket under its
/// folder: <see cref="PrivateDockerd"/> or <see cref="Podman.PrivatePodman"/>. Disposing removes it and everything it made.
/// </summary>
public interface IPrivateEngine : IAsyncDisposable
{
    /// <summary>Its name, which is also its namespace's.</summary>
    string Name { get; }

    NetworkNamespace Namespace { get; }

    /// <summary>Where it keeps everything (socket, data, log).</summary>
    string Folder { get; }

    /// <summary>Its socket as unix:///path.</summary>
    string Host { get; }

    /// <summary>Its daemon.json, or null for an engine that has none (Podman).</summary>
    string? DaemonJsonPath { get; }

    /// <summary>Runs Debian's docker client against it.</summary>
    Task<ProcessResult> DockerAsync(params string[] args);

    /// <summary>Imports the busybox test image.</summary>
    Task ImportBusyboxAsync(string image);
}

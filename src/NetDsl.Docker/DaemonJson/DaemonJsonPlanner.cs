using System;
using NetDsl.Planning;

namespace NetDsl.Docker.DaemonJson;

/// <summary>
/// The daemon.json part of a plan: read the file (a missing file is empty, a malformed one is an error that
/// leaves it untouched) and merge NetDsl's keys into it. Needs no engine, so `plan` can show it even when the
/// engine is down.
/// </summary>
public static class DaemonJsonPlanner
{
    public static DaemonJsonMergeResult Plan(WriteDaemonJsonStep step, string path, Host.IHostFiles? files = null)
    {
        var text = DaemonJsonFile.Read(path, out var readError, files);
        return readError is not null
            ? new DaemonJsonMergeResult(readError, "", Array.Empty<DaemonKeyChange>())
            : DaemonJsonMerge.Merge(text, step.Settings);
    }
}

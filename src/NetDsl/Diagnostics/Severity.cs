namespace NetDsl.Diagnostics;

/// <summary>How serious a diagnostic is. Order matters: higher is worse.</summary>
public enum Severity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

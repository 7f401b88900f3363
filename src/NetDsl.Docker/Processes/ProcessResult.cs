namespace NetDsl.Docker.Processes;

/// <summary>What a finished command printed and returned.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public ProcessResult EnsureSuccess()
    {
        if (!Succeeded)
            throw new LabCommandException(this);
        return this;
    }
}

public sealed class LabCommandException : System.Exception
{
    public LabCommandException(ProcessResult result)
        : base($"`{result.Command}` exited {result.ExitCode}: {result.StandardError.Trim()} {result.StandardOutput.Trim()}".Trim())
        => Result = result;

    public ProcessResult Result { get; }
}

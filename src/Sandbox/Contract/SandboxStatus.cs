namespace Smooth.Sandbox.Contract;

/// <summary>Status of a sandbox run, as stored in the sandbox table.</summary>
public enum SandboxStatus
{
    /// <summary>Created; not started.</summary>
    Pending,
    /// <summary>The command is running.</summary>
    Running,
    /// <summary>Ended with changes waiting for a person to accept or reject.</summary>
    Review,
    /// <summary>Ended normally (whatever the command's exit code).</summary>
    Finished,
    /// <summary>Ended by a limit, an engine error or an invalid bundle.</summary>
    Failed,
    /// <summary>Stopped on request.</summary>
    Cancelled,
}

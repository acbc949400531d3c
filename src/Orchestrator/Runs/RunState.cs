namespace Smooth.Orchestrator.Runs;

/// <summary>Where a run is in its life. Queued and running are active; the rest are terminal except review.</summary>
public enum RunState
{
    /// <summary>Waiting for a free operator slot.</summary>
    Queued,
    /// <summary>An operator is working it (under a lease held by one daemon).</summary>
    Running,
    /// <summary>Finished with a diff that waits for a person.</summary>
    Review,
    /// <summary>Done (accepted, nothing to apply, or applied).</summary>
    Finished,
    /// <summary>Ended in error.</summary>
    Failed,
    /// <summary>Stopped on request.</summary>
    Cancelled,
}

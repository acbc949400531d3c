namespace Smooth.Orchestrator.Api;

/// <summary>One part's health check, run for every status request.</summary>
public interface IStatusProbe
{
    /// <summary>Checks the part now.</summary>
    Task<PartStatus> ProbeAsync(CancellationToken ct);
}

using Smooth.Orchestrator.Api;

namespace Smooth.Orchestrator.Runs;

/// <summary>The control channel of one running operator (steer, pause, resume, cancel, answer).</summary>
public interface IRunControlTarget
{
    /// <summary>Delivers <paramref name="message"/>; returns what the operator acknowledged.</summary>
    Task<string> DeliverAsync(RunControlMessage message, CancellationToken ct);
}

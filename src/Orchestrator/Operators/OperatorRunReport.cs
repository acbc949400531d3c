using Smooth.Sandbox.Runs;

namespace Smooth.Orchestrator.Operators;

/// <summary>How an operator run ended, as the host saw it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="PearlId">The pearl.</param>
/// <param name="Stop">The operator's stop reason (completed, green, ...; <c>crashed</c> when it never reported).</param>
/// <param name="Summary">The operator's summary or the explanation.</param>
/// <param name="CostUsd">Model spend as the gateway counted it.</param>
/// <param name="Sandbox">The sandbox run (diff, review state).</param>
public sealed record OperatorRunReport(string RunId, string PearlId, string Stop, string Summary, decimal CostUsd, SandboxRunReport Sandbox)
{
    /// <summary>True when the operator finished its work (completed or green).</summary>
    public bool Succeeded => Stop is "completed" or "green";
}

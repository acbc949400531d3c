using Smooth.Operator.Loop;

namespace Smooth.Operator.Governed;

/// <summary>Ends the governor loop early when the agent itself stopped for good (cancel, budget, model failure).</summary>
public sealed class AgentStoppedException(AgentTurnResult result) : Exception(result.Message ?? result.Stop.ToString())
{
    /// <summary>How the agent stopped.</summary>
    public AgentTurnResult Result { get; } = result;
}

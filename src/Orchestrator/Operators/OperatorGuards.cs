using Smooth.Operator.Host;

namespace Smooth.Orchestrator.Operators;

/// <summary>The checks every operator's tool calls pass in a project: policy first, then surveillance.</summary>
public static class OperatorGuards
{
    /// <summary>The guard for runs in <paramref name="projectRoot"/>.</summary>
    public static HostToolGuard ForProject(string projectRoot) => new([], []);
}

namespace Smooth.Operator.Hooks;

/// <summary>A stage of the tool pipeline: a hook around the next stage, or the executor at the end.</summary>
public interface IToolInvoker
{
    /// <summary>Handles one call.</summary>
    Task<ToolOutcome> InvokeAsync(ToolInvocation call, CancellationToken ct);
}

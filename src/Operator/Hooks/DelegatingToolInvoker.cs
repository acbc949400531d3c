namespace Smooth.Operator.Hooks;

/// <summary>
/// A hook: does something before and/or after passing the call to the next stage (the same shape as a delegating chat
/// client). Override <see cref="InvokeAsync"/>, call <c>base.InvokeAsync</c> to continue, or return without it to refuse.
/// </summary>
public abstract class DelegatingToolInvoker(IToolInvoker inner) : IToolInvoker
{
    /// <summary>The next stage.</summary>
    protected IToolInvoker Inner { get; } = inner;

    /// <inheritdoc />
    public virtual Task<ToolOutcome> InvokeAsync(ToolInvocation call, CancellationToken ct) => Inner.InvokeAsync(call, ct);
}

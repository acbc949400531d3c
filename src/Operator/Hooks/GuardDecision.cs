namespace Smooth.Operator.Hooks;

/// <summary>A pre-hook's answer.</summary>
/// <param name="Allowed">True to let the call run.</param>
/// <param name="Reason">Why, in words the model (and a person) can act on.</param>
/// <param name="Rule">The deciding rule (policy or surveillance rule id), if any.</param>
/// <param name="Checker">Which checker decided: <c>policy</c> or <c>surveillance</c>.</param>
public sealed record GuardDecision(bool Allowed, string Reason, string? Rule = null, string? Checker = null)
{
    /// <summary>Allowed with no remark.</summary>
    public static GuardDecision Allow { get; } = new(true, "allowed");

    /// <summary>True when the host also saved the checkpoint the request carried.</summary>
    public bool CheckpointSaved { get; init; }
}

namespace Smooth.Surveillance;

/// <summary>The outcome of a check.</summary>
public enum VerdictDecision
{
    /// <summary>Go ahead (a tool result may still have been redacted; alerts may have been raised).</summary>
    Allow,
    /// <summary>Refused: do not run the call, or do not show the result; give the model <see cref="SurveillanceVerdict.Reason"/>.</summary>
    Block,
    /// <summary>The fast tier is unsure: the judge must decide (see <see cref="SurveillanceEngine.CheckToolCallAsync"/>).</summary>
    NeedsJudge,
    /// <summary>The judge could not decide (or failed): a person must; treat as blocked until then.</summary>
    Escalate,
}

namespace Smooth.Policy;

/// <summary>The policy's answer to one question.</summary>
/// <param name="Verdict"><c>allow</c>, <c>deny</c> or <c>ask</c> (denied now, but a person may grant it).</param>
/// <param name="Reason">Why, in words a person and a model can act on.</param>
/// <param name="Rule">The deciding rule, if one did.</param>
public sealed record PolicyDecision(string Verdict, string Reason, PolicyRule? Rule = null)
{
    /// <summary>True when allowed.</summary>
    public bool Allowed => Verdict == "allow";
}

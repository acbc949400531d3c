namespace Smooth.Policy.Api;

/// <summary>The decision API's answer.</summary>
/// <param name="Verdict"><c>allow</c>, <c>deny</c> or <c>ask</c> (denied now; a person may grant it).</param>
/// <param name="Reason">Why, in words a person can act on.</param>
/// <param name="Rule">The deciding rule as written, if one decided.</param>
/// <param name="Source">Where that rule came from (<c>default</c>, <c>project FILE:LINE</c>, ...).</param>
public sealed record DecisionResponse(string Verdict, string Reason, string? Rule, string? Source);

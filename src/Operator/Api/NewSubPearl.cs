namespace Smooth.Operator.Api;

/// <summary>Body of <c>POST /v1/pearls</c>: a sub-pearl of the operator's pearl.</summary>
/// <param name="Title">Title.</param>
/// <param name="Description">Description.</param>
/// <param name="Priority">Priority 0-4.</param>
public sealed record NewSubPearl(string Title, string Description, int Priority);

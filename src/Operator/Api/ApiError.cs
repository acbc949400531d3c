namespace Smooth.Operator.Api;

/// <summary>An error answer of the operator API.</summary>
/// <param name="Error">What went wrong, in words the model can read.</param>
public sealed record ApiError(string Error);

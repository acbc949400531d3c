namespace Smooth.Credentials;

/// <summary>A refusal or failure from the stub: what happened and what to do. Never contains a credential.</summary>
/// <param name="Error">What went wrong.</param>
/// <param name="Hint">What to do about it.</param>
/// <param name="Code">Machine code: <c>not-allowed</c>, <c>bad-request</c>, <c>command-failed</c>.</param>
public sealed record CredentialError(string Error, string? Hint, string Code);

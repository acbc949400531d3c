namespace Smooth.Credentials;

/// <summary>The result of one credential request: a credential, or an error with the HTTP status the stub answers with.</summary>
/// <param name="Status">200, 400 (bad request), 403 (not in the allowlist) or 502 (the host command failed).</param>
/// <param name="Credential">The credential when <paramref name="Status"/> is 200.</param>
/// <param name="Error">The error otherwise.</param>
public sealed record BrokerOutcome(int Status, CredentialResponse? Credential, CredentialError? Error);

namespace Smooth.Credentials;

/// <summary>What a helper asks the stub for: a credential for one target service URL.</summary>
/// <param name="Url">The URL the credential will be used against, e.g. <c>https://github.com/org/repo.git</c>.</param>
public sealed record CredentialRequest(string Url);

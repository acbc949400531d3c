namespace Smooth.Credentials;

/// <summary>A validated configuration: the allowlist of services the broker will mint credentials for.</summary>
/// <param name="Services">The services in file order.</param>
public sealed record LoadedCredentialConfig(IReadOnlyList<LoadedCredentialService> Services)
{
    /// <summary>The first service covering <paramref name="url"/>, or null.</summary>
    public LoadedCredentialService? Find(Uri url) => Services.FirstOrDefault(s => s.Matches(url));
}

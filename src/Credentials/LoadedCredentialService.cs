namespace Smooth.Credentials;

/// <summary>A validated service with its parsed URL patterns.</summary>
/// <param name="Service">The service as configured.</param>
/// <param name="Patterns">Its parsed patterns.</param>
public sealed record LoadedCredentialService(CredentialService Service, IReadOnlyList<UrlPattern> Patterns)
{
    /// <summary>True when one of the patterns covers <paramref name="url"/>.</summary>
    public bool Matches(Uri url) => Patterns.Any(p => p.Matches(url));
}

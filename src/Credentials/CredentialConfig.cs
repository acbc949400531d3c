namespace Smooth.Credentials;

/// <summary>The credential broker's configuration file (<c>~/.smooth/credentials.yaml</c>); see docs/credentials.md.</summary>
public sealed class CredentialConfig
{
    /// <summary>The configured services; a request is served by the first whose patterns match its URL.</summary>
    public List<CredentialService> Services { get; set; } = [];
}

namespace Smooth.Credentials;

/// <summary>One configured credential source: which URLs it serves and the host command that mints a credential for them.</summary>
public sealed class CredentialService
{
    /// <summary>A short name for messages and events, e.g. <c>github</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>URL patterns served, e.g. <c>https://github.com/</c>, <c>https://*.amazonaws.com/</c>, <c>https://github.com/my-org/</c>.</summary>
    public List<string> Match { get; set; } = [];

    /// <summary>The host command and its arguments (run without a shell); its trimmed stdout is the credential.</summary>
    public List<string> Command { get; set; } = [];

    /// <summary>The user name returned with the credential (git and docker helpers need one), e.g. <c>x-access-token</c>.</summary>
    public string? Username { get; set; }

    /// <summary>How long the command may run.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long the credential is good for, when the command does not say (informational, returned to the caller).</summary>
    public int? TtlSeconds { get; set; }
}

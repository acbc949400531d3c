namespace Smooth.Credentials;

/// <summary>A freshly minted credential. Never logged, never stored: the helper hands it to the tool and forgets it.</summary>
/// <param name="Service">The configured service that minted it.</param>
/// <param name="Username">The user name to pair with it, when the service defines one.</param>
/// <param name="Secret">The credential itself (the command's trimmed stdout).</param>
/// <param name="ExpiresAt">When it stops working, when known.</param>
public sealed record CredentialResponse(string Service, string? Username, string Secret, DateTimeOffset? ExpiresAt);

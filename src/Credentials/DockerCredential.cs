using System.Text.Json.Serialization;

namespace Smooth.Credentials;

/// <summary>The answer of a docker credential helper's <c>get</c> (docker's own field names).</summary>
/// <param name="ServerUrl">The registry.</param>
/// <param name="Username">The user name.</param>
/// <param name="Secret">The credential.</param>
public sealed record DockerCredential(
    [property: JsonPropertyName("ServerURL")] string ServerUrl,
    [property: JsonPropertyName("Username")] string Username,
    [property: JsonPropertyName("Secret")] string Secret);

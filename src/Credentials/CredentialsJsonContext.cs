using System.Text.Json.Serialization;

namespace Smooth.Credentials;

/// <summary>Source-generated JSON metadata for the stub's wire format.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CredentialRequest))]
[JsonSerializable(typeof(CredentialResponse))]
[JsonSerializable(typeof(CredentialError))]
[JsonSerializable(typeof(DockerCredential))]
public sealed partial class CredentialsJsonContext : JsonSerializerContext;

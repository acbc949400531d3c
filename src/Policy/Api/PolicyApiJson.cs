using System.Text.Json.Serialization;

namespace Smooth.Policy.Api;

/// <summary>Source-generated JSON for the decision API's wire types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DecisionRequest))]
[JsonSerializable(typeof(DecisionResponse))]
[JsonSerializable(typeof(DecisionError))]
[JsonSerializable(typeof(IReadOnlyList<PolicyRule>))]
public sealed partial class PolicyApiJson : JsonSerializerContext;

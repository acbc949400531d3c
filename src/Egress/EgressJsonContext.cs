using System.Text.Json.Serialization;
using Smooth.Core.Events;

namespace Smooth.Egress;

/// <summary>Source-generated JSON metadata for what the egress commands print (decision events as JSON lines).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SmoothEvent))]
public sealed partial class EgressJsonContext : JsonSerializerContext;

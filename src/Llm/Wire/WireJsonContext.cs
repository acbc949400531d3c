using System.Text.Json.Serialization;

namespace Smooth.Llm.Wire;

/// <summary>Source-generated JSON metadata for the OpenAI-compatible wire format spoken by the gateway and the scripted server.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireChatRequest))]
[JsonSerializable(typeof(WireChatResponse))]
[JsonSerializable(typeof(WireError))]
public sealed partial class WireJsonContext : JsonSerializerContext;

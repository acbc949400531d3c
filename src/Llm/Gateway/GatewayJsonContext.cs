using System.Text.Json.Serialization;

namespace Smooth.Llm.Gateway;

/// <summary>Source-generated JSON metadata for the gateway's own endpoints (<c>GET /v1/usage</c>).</summary>
[JsonSerializable(typeof(RunUsage))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Smooth.Llm.Config;

/// <summary>Source-generated JSON metadata for <c>providers.json</c> and the CLI's JSON output.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProvidersFile))]
[JsonSerializable(typeof(ProviderSummary))]
[JsonSerializable(typeof(List<ProviderSummary>))]
[JsonSerializable(typeof(ProvidersReport))]
public sealed partial class LlmJsonContext : JsonSerializerContext;

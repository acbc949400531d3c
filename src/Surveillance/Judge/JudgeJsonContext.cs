using System.Text.Json.Serialization;

namespace Smooth.Surveillance.Judge;

/// <summary>Source-generated JSON for the judge's answer.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(JudgeAnswer))]
internal sealed partial class JudgeJsonContext : JsonSerializerContext;

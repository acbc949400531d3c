using System.Text.Json.Serialization;
using Smooth.Surveillance.Reports;

namespace Smooth.Surveillance;

/// <summary>Source-generated JSON for Narc's CLI output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScanReport))]
[JsonSerializable(typeof(IReadOnlyList<RuleReport>))]
public sealed partial class SurveillanceJsonContext : JsonSerializerContext;

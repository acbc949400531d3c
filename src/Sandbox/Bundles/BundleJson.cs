using System.Text.Json.Serialization;
using Smooth.Sandbox.Diffs;

namespace Smooth.Sandbox.Bundles;

/// <summary>Source-generated JSON for bundles and review output.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RequestManifest))]
[JsonSerializable(typeof(ResultManifest))]
[JsonSerializable(typeof(DiffBundle))]
[JsonSerializable(typeof(Review.ReviewRecord))]
[JsonSerializable(typeof(IReadOnlyList<Review.ReviewRecord>))]
[JsonSerializable(typeof(Review.ReviewDetails))]
[JsonSerializable(typeof(Runs.SandboxRunReport))]
[JsonSerializable(typeof(ApplyOutcome))]
[JsonSerializable(typeof(Runs.PruneReport))]
public sealed partial class BundleJson : JsonSerializerContext;

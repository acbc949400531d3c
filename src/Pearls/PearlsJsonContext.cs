using System.Text.Json.Serialization;
using Smooth.Pearls.Model;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls;

/// <summary>Source-generated JSON metadata for every shape the pearl store reads or writes (CLI output and JSONL).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Pearl))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(IReadOnlyList<Pearl>))]
[JsonSerializable(typeof(PearlDetails))]
[JsonSerializable(typeof(IReadOnlyList<PearlChange>))]
[JsonSerializable(typeof(PearlComment))]
[JsonSerializable(typeof(PearlDependency))]
[JsonSerializable(typeof(Memory))]
[JsonSerializable(typeof(IReadOnlyList<Memory>))]
[JsonSerializable(typeof(JsonlRecord))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(SyncResult))]
public sealed partial class PearlsJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>Source-generated JSON for building tool call arguments.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;

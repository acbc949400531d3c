using System.Text.Json.Serialization;

namespace Smooth.Orchestrator.Operators;

/// <summary>Source-generated JSON for the orchestrator's own small shapes.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class OrchestratorJson : JsonSerializerContext;

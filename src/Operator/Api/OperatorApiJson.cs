using System.Text.Json;
using System.Text.Json.Serialization;
using Smooth.Operator.Checkpoints;
using Smooth.Operator.Hooks;

namespace Smooth.Operator.Api;

/// <summary>Source-generated JSON for the operator API, checkpoints and event lines.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OperatorSpec))]
[JsonSerializable(typeof(Checkpoint))]
[JsonSerializable(typeof(SavedMessage))]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(Events.OperatorEvent))]
[JsonSerializable(typeof(ControlBatch))]
[JsonSerializable(typeof(Control.ControlMessage))]
[JsonSerializable(typeof(GuardCallRequest))]
[JsonSerializable(typeof(GuardResultRequest))]
[JsonSerializable(typeof(GuardDecision))]
[JsonSerializable(typeof(GuardedResult))]
[JsonSerializable(typeof(NewSubPearl))]
[JsonSerializable(typeof(TextBody))]
[JsonSerializable(typeof(ApiError))]
public sealed partial class OperatorApiJson : JsonSerializerContext;

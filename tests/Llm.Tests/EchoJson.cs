using System.Text.Json.Serialization;

namespace Smooth.Llm.Tests;

[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class EchoJson : JsonSerializerContext;

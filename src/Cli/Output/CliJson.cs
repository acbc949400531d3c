using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smooth.Cli.Output;

/// <summary>Source-generated JSON for shapes the CLI itself defines.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecReport))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Policy.PolicyRule>))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Policy.Access.AccessRequest>))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Orchestrator.Inbox.InboxItem>))]
internal sealed partial class CliJson : JsonSerializerContext;

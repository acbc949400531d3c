using System.Text.Json.Serialization;

namespace Smooth.Llm.Scripted;

/// <summary>Source-generated JSON metadata for script files (unknown fields are errors, so typos are caught).</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ScriptDocument))]
internal sealed partial class ScriptJsonContext : JsonSerializerContext;

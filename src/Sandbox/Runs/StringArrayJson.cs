using System.Text.Json.Serialization;

namespace Smooth.Sandbox.Runs;

/// <summary>Source-generated JSON for a plain string array (the stored command).</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StringArrayJson : JsonSerializerContext;

namespace Smooth.Llm.Clients;

/// <summary>A tool offered to the model.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Description">What it does.</param>
/// <param name="ParametersJsonSchema">Its parameters as a JSON schema object (text).</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersJsonSchema);

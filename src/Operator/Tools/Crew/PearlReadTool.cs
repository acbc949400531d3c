using System.Text.Json;

namespace Smooth.Operator.Tools.Crew;

/// <summary><c>pearls_read</c>: the operator's pearl and its dependency closure, or one of them in full.</summary>
public sealed class PearlReadTool : ITool
{
    /// <inheritdoc />
    public string Name => "pearls_read";
    /// <inheritdoc />
    public string Description => "Read your pearls (work items): without id, the list you may see (your pearl and what it depends on); with id, one pearl with its comments.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"id":{"type":"string"}}}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct) =>
        Args.OptionalString(arguments, "id") is { } id ? context.Crew.GetPearlAsync(id, ct) : context.Crew.ListPearlsAsync(ct);
}

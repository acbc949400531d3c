using System.Text.Json;

namespace Smooth.Operator.Tools.Crew;

/// <summary><c>recall_recent</c>: the project's most recent memories.</summary>
public sealed class RecallRecentTool : ITool
{
    /// <inheritdoc />
    public string Name => "recall_recent";
    /// <inheritdoc />
    public string Description => "Read the project's most recent memories (facts earlier runs stored).";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"limit":{"type":"integer","minimum":1,"maximum":100}}}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct) =>
        context.Crew.RecallRecentAsync(Args.OptionalInt(arguments, "limit", 1, 100) ?? 10, ct);
}

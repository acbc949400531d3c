using System.Text.Json;

namespace Smooth.Operator.Tools.Crew;

/// <summary><c>remember</c>: keeps a fact for later runs in the project's memory.</summary>
public sealed class RememberTool : ITool
{
    /// <inheritdoc />
    public string Name => "remember";
    /// <inheritdoc />
    public string Description => "Store a short fact about this project that later runs should know (build quirks, conventions).";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"content":{"type":"string"}},"required":["content"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var content = Args.String(arguments, "content");
        if (content.Length > 4000) throw new ToolException("a memory is at most 4000 characters; keep it short");
        return $"remembered as {await context.Crew.RememberAsync(content, ct)}";
    }
}

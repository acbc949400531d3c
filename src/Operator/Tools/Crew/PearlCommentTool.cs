using System.Text.Json;

namespace Smooth.Operator.Tools.Crew;

/// <summary><c>pearls_comment</c>: comments on a pearl the operator may see.</summary>
public sealed class PearlCommentTool : ITool
{
    /// <inheritdoc />
    public string Name => "pearls_comment";
    /// <inheritdoc />
    public string Description => "Add a comment to your pearl or one it depends on (findings, decisions, what is left).";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"id":{"type":"string"},"body":{"type":"string"}},"required":["id","body"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var id = Args.String(arguments, "id");
        await context.Crew.CommentAsync(id, Args.String(arguments, "body"), ct);
        return $"commented on {id}";
    }
}

using System.Text.Json;

namespace Smooth.Operator.Tools.Background;

/// <summary><c>bg_status</c>: whether background jobs are running, or how they exited.</summary>
public sealed class BgStatusTool : ITool
{
    /// <inheritdoc />
    public string Name => "bg_status";
    /// <inheritdoc />
    public string Description => "Show the status of one background job (id) or of all of them.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"id":{"type":"string"}}}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var id = Args.OptionalString(arguments, "id");
        if (id is not null) return Task.FromResult(context.Jobs.Get(id).Status);
        var all = context.Jobs.All;
        return Task.FromResult(all.Count == 0 ? "(no background jobs)" : string.Join('\n', all.Select(j => j.Status)));
    }
}

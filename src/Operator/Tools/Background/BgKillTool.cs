using System.Text.Json;

namespace Smooth.Operator.Tools.Background;

/// <summary><c>bg_kill</c>: stops a background job and everything it started.</summary>
public sealed class BgKillTool : ITool
{
    /// <inheritdoc />
    public string Name => "bg_kill";
    /// <inheritdoc />
    public string Description => "Stop a background job (SIGTERM to its process group, SIGKILL after 3 seconds).";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var job = context.Jobs.Get(Args.String(arguments, "id"));
        await BackgroundJobs.StopAsync(job, TimeSpan.FromSeconds(3));
        return job.Status;
    }
}

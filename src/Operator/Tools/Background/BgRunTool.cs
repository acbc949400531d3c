using System.Text.Json;

namespace Smooth.Operator.Tools.Background;

/// <summary><c>bg_run</c>: starts a long-lived command (server, watcher) and returns its job id at once.</summary>
public sealed class BgRunTool : ITool
{
    /// <inheritdoc />
    public string Name => "bg_run";
    /// <inheritdoc />
    public string Description => "Start a long-running command in the background (dev server, watcher). Returns a job id for bg_status, bg_logs and bg_kill.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"command":{"type":"string"}},"required":["command"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var job = context.Jobs.Start(Args.String(arguments, "command"), context.Workspace.Root, context.CommandEnvironment);
        return Task.FromResult($"started {job.Id} (pid {job.Process.Id})");
    }
}

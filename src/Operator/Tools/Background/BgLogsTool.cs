using System.Text.Json;
using Smooth.Operator.Tools.Shell;

namespace Smooth.Operator.Tools.Background;

/// <summary><c>bg_logs</c>: the recent output of a background job.</summary>
public sealed class BgLogsTool : ITool
{
    /// <inheritdoc />
    public string Name => "bg_logs";
    /// <inheritdoc />
    public string Description => "Show the last lines of a background job's output.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"id":{"type":"string"},"lines":{"type":"integer","minimum":1,"maximum":5000}},"required":["id"]}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var job = context.Jobs.Get(Args.String(arguments, "id"));
        var lines = Args.OptionalInt(arguments, "lines", 1, 5000) ?? 100;
        var all = job.Output.ToString().Split('\n');
        var tail = string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        return Task.FromResult($"{job.Status}\n{OutputCap.Apply(tail, context.OutputCapChars)}");
    }
}

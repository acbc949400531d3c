using System.Text.Json;
using Smooth.Operator.Tools;

namespace Smooth.Operator.Hooks;

/// <summary>
/// The end of the pipeline: parses the arguments, finds the tool, runs it. Internal, and only ever built by
/// <see cref="ToolPipeline"/> behind the guard: there is no other way to reach a tool.
/// </summary>
internal sealed class ToolExecutor(IReadOnlyDictionary<string, ITool> tools, ToolContext context) : IToolInvoker
{
    public async Task<ToolOutcome> InvokeAsync(ToolInvocation call, CancellationToken ct)
    {
        if (!tools.TryGetValue(call.Name, out var tool))
        {
            return new ToolOutcome($"unknown tool '{call.Name}'; the tools are: {string.Join(", ", tools.Keys.Order(StringComparer.Ordinal))}", IsError: true);
        }
        JsonElement args;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(call.ArgumentsJson) ? "{}" : call.ArgumentsJson);
            args = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new ToolOutcome($"the arguments for {call.Name} are not valid JSON ({e.Message}); send a JSON object matching the tool's schema", IsError: true);
        }
        if (args.ValueKind != JsonValueKind.Object)
        {
            return new ToolOutcome($"the arguments for {call.Name} must be a JSON object", IsError: true);
        }
        try
        {
            return new ToolOutcome(await tool.InvokeAsync(args, context, ct), IsError: false);
        }
        catch (ToolException e)
        {
            return new ToolOutcome(e.Message, IsError: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ToolOutcome($"{call.Name} failed: {e.Message}", IsError: true);
        }
    }
}

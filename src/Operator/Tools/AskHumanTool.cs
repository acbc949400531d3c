using System.Text.Json;
using Smooth.Operator.Events;

namespace Smooth.Operator.Tools;

/// <summary><c>ask_human</c>: puts a question to a person (it shows in <c>th inbox</c>) and waits for the answer.</summary>
public sealed class AskHumanTool : ITool
{
    /// <inheritdoc />
    public string Name => "ask_human";
    /// <inheritdoc />
    public string Description => "Ask a person a question when you cannot proceed without a decision. Waits for the answer; use sparingly.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"question":{"type":"string"},"timeout_seconds":{"type":"integer","minimum":10,"maximum":86400}},"required":["question"]}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var question = Args.String(arguments, "question");
        var seconds = Args.OptionalInt(arguments, "timeout_seconds", 10, 86_400) ?? 3600;
        context.Events.Emit(new OperatorEvent { Type = OperatorEventTypes.HumanInputRequired, Text = question });
        await context.Events.FlushAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            var answer = await context.Control.WaitForAnswerAsync(limit.Token);
            context.Events.Emit(new OperatorEvent { Type = OperatorEventTypes.HumanInputReceived, Text = answer });
            return $"answer: {answer}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ToolException($"no answer within {seconds} seconds; decide on your own or stop and explain what you need");
        }
    }
}

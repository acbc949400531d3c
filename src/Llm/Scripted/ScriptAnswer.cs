using Smooth.Llm.Clients;

namespace Smooth.Llm.Scripted;

/// <summary>A turn's answer made concrete: ids assigned, usage estimated when not scripted.</summary>
internal sealed record ScriptAnswer(string Content, IReadOnlyList<ToolCall> ToolCalls, string FinishReason, ChatUsage Usage)
{
    public static ScriptAnswer From(ScriptResponse response, int turn, ObservedRequest request)
    {
        var calls = (response.ToolCalls ?? []).Select((c, i) => new ToolCall(c.Id ?? $"call_{turn + 1}_{i + 1}", c.Name ?? "", c.ArgumentsText())).ToList();
        var content = response.Content ?? "";
        var usage = response.Usage is { } u
            ? new ChatUsage(u.PromptTokens, u.CompletionTokens)
            : new ChatUsage(
                Math.Max(1, request.Messages.Sum(m => m.Text.Length) / 4),
                Math.Max(1, (content.Length + calls.Sum(c => c.Name.Length + c.ArgumentsJson.Length)) / 4));
        return new ScriptAnswer(content, calls, response.FinishReason ?? (calls.Count > 0 ? "tool_calls" : "stop"), usage);
    }

    /// <summary>The content in a few pieces, so a stream has several text events.</summary>
    public IEnumerable<string> ContentPieces()
    {
        if (Content.Length == 0) yield break;
        var size = Math.Max(1, (Content.Length + 2) / 3);
        for (var i = 0; i < Content.Length; i += size)
        {
            yield return Content.Substring(i, Math.Min(size, Content.Length - i));
        }
    }
}

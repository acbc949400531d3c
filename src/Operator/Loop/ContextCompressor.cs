using System.Text;
using Smooth.Llm.Clients;

namespace Smooth.Operator.Loop;

/// <summary>
/// Keeps the conversation inside the model's window: when it passes the threshold, the older middle (everything but the
/// system prompt, the task, and the newest messages) is replaced by a summary written through the summarize slot.
/// A tool result is never separated from the call it answers.
/// </summary>
public sealed class ContextCompressor(IChatModel model, AgentLoopOptions options)
{
    /// <summary>Estimated tokens of <paramref name="messages"/> (four characters a token, plus framing).</summary>
    public static long EstimateTokens(IEnumerable<ChatMessage> messages) =>
        messages.Sum(m => (m.Content.Length + m.ToolCalls.Sum(c => c.Name.Length + c.ArgumentsJson.Length)) / 4 + 8);

    /// <summary>True when the conversation should be compressed now.</summary>
    public bool ShouldCompress(IReadOnlyList<ChatMessage> messages) =>
        EstimateTokens(messages) > options.ContextWindowTokens * options.CompressAtRatio && messages.Count > options.KeepRecentMessages + 3;

    /// <summary>Compresses in place; returns how many messages were folded into the summary (0 when nothing could be).</summary>
    public async Task<int> CompressAsync(List<ChatMessage> messages, CancellationToken ct)
    {
        const int head = 2; // system prompt and the task stay verbatim
        var cut = messages.Count - options.KeepRecentMessages;
        while (cut > head && messages[cut].Role == ChatRole.Tool) cut--;
        if (cut <= head + 1) return 0;
        var middle = messages.GetRange(head, cut - head);
        var transcript = new StringBuilder();
        foreach (var m in middle)
        {
            transcript.Append('[').Append(m.Role.ToString().ToLowerInvariant()).Append("] ");
            transcript.Append(m.Content.Length > 4000 ? m.Content[..2000] + " … " + m.Content[^1500..] : m.Content);
            foreach (var c in m.ToolCalls) transcript.Append(" (calls ").Append(c.Name).Append(' ').Append(c.ArgumentsJson.Length > 300 ? c.ArgumentsJson[..300] : c.ArgumentsJson).Append(')');
            transcript.Append('\n');
        }
        var response = await model.CompleteAsync(new ChatRequest
        {
            Model = options.SummarizeSlot,
            Messages =
            [
                ChatMessage.System("You compress the history of a coding agent's session. Keep: files read and changed, commands run and their outcome, decisions, errors still open, and what remains to do. Be concise and factual."),
                ChatMessage.User(transcript.ToString()),
            ],
        }, ct);
        messages.RemoveRange(head, cut - head);
        messages.Insert(head, ChatMessage.User($"[Summary of earlier work in this session, {middle.Count} messages compressed]\n{response.Content}"));
        return middle.Count;
    }
}

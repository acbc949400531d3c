using Smooth.Llm.Clients;
using Smooth.Operator.Checkpoints;

namespace Smooth.Operator.Loop;

/// <summary>The live state of a run: the conversation and the counters a checkpoint keeps.</summary>
public sealed class AgentState
{
    /// <summary>The conversation.</summary>
    public List<ChatMessage> Messages { get; } = [];

    /// <summary>Model calls in the current coding turn.</summary>
    public int Iteration { get; set; }

    /// <summary>Governor turns started.</summary>
    public int GovernorTurn { get; set; }

    /// <summary>Spend so far.</summary>
    public decimal CostUsd { get; set; }

    /// <summary>Prompt tokens so far.</summary>
    public long InputTokens { get; set; }

    /// <summary>Completion tokens so far.</summary>
    public long OutputTokens { get; set; }

    /// <summary>Rebuilds the state from a checkpoint.</summary>
    public static AgentState From(Checkpoint c)
    {
        var s = new AgentState
        {
            Iteration = c.Iteration, GovernorTurn = c.GovernorTurn, CostUsd = c.CostUsd, InputTokens = c.InputTokens, OutputTokens = c.OutputTokens,
        };
        s.Messages.AddRange(c.Messages.Select(m => m.ToChat()));
        return s;
    }

    /// <summary>The calls of the last assistant message that have no result yet (work to finish after a resume).</summary>
    public IReadOnlyList<ToolCall> PendingCalls()
    {
        var last = Messages.FindLastIndex(m => m.Role == ChatRole.Assistant);
        if (last < 0 || Messages[last].ToolCalls.Count == 0) return [];
        var answered = Messages.Skip(last + 1).Where(m => m.Role == ChatRole.Tool).Select(m => m.ToolCallId).ToHashSet(StringComparer.Ordinal);
        return Messages[last].ToolCalls.Where(c => !answered.Contains(c.Id)).ToList();
    }
}

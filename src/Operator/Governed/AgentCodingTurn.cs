using System.Globalization;
using System.Text;
using Smooth.Governor;
using Smooth.Llm.Clients;
using Smooth.Operator.Loop;

namespace Smooth.Operator.Governed;

/// <summary>One governor coding turn: the test results go to the model as a message, then the agent loop runs.</summary>
public sealed class AgentCodingTurn(AgentLoop loop, AgentState state, int turnOffset = 0) : ICodingTurn
{
    /// <summary>The last turn's result (why the agent stopped).</summary>
    public AgentTurnResult? Last { get; private set; }

    /// <inheritdoc />
    public async Task<TurnResult> RunAsync(GovernorFeedback feedback, CancellationToken ct)
    {
        var before = state.CostUsd;
        var text = new StringBuilder();
        text.Append(feedback.Iteration == 1 ? "The project's tests were run before you start: " : "The tests were run again after your changes: ");
        text.Append(feedback.Failing is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f} failing.") : "no test summary could be read (build error or crash).");
        text.Append(" Make them pass without weakening the tests. The end of the test output:\n```\n").Append(feedback.TestOutputTail).Append("\n```");
        state.Messages.Add(ChatMessage.User(text.ToString()));
        state.Iteration = 0;
        state.GovernorTurn = feedback.Iteration + turnOffset;
        Last = await loop.RunAsync(state, ct);
        await loop.SaveAsync(state, ct);
        if (Last.Stop is AgentStop.Cancelled or AgentStop.ModelError or AgentStop.Budget) throw new AgentStoppedException(Last);
        return new TurnResult(state.CostUsd - before);
    }
}

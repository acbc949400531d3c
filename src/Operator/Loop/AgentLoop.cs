using System.Diagnostics;
using Smooth.Llm.Clients;
using Smooth.Operator.Checkpoints;
using Smooth.Operator.Control;
using Smooth.Operator.Events;
using Smooth.Operator.Hooks;
using Smooth.Operator.Tools;

namespace Smooth.Operator.Loop;

/// <summary>
/// The agent loop: model → tool calls → results → model, until the model stops calling tools, the iteration cap, the
/// budget, or a cancel. Read-only calls of one answer run side by side; the others one at a time, in order. A
/// checkpoint follows every model answer and every tool result, so a resumed run repeats neither. A save rides on the
/// guard exchange that follows it where there is one (the answer with its first call's check, a result with its
/// review), so a tool turn costs no round trip of its own for checkpoints; the others are written behind: each goes to
/// the host while the loop moves on, in order, one after another; a turn ends, a pause holds and
/// <see cref="SaveAsync"/> returns only once every save has landed.
/// </summary>
public sealed class AgentLoop(
    IChatModel model,
    ToolPipeline tools,
    ToolContext context,
    EventStamper events,
    RunControl control,
    ICheckpointSink checkpoints,
    AgentLoopOptions options,
    Func<CancellationToken, Task<decimal>>? spentSoFar = null)
{
    private readonly ContextCompressor _compressor = new(model, options);
    private long _checkpointSeq;
    private int _savedMessages;
    private Task _saving = Task.CompletedTask;

    /// <summary>The sequence number of the last checkpoint saved (set it from a loaded checkpoint when resuming).</summary>
    public long CheckpointSeq
    {
        get => Interlocked.Read(ref _checkpointSeq);
        set => Interlocked.Exchange(ref _checkpointSeq, value);
    }

    /// <summary>How many messages the host already holds (set it from a loaded checkpoint when resuming).</summary>
    public int SavedMessages
    {
        get => _savedMessages;
        set => _savedMessages = value;
    }

    /// <summary>Runs one coding turn over <paramref name="state"/> (which may come from a checkpoint).</summary>
    public async Task<AgentTurnResult> RunAsync(AgentState state, CancellationToken ct)
    {
        AgentTurnResult result;
        try
        {
            result = await RunTurnAsync(state, ct);
        }
        catch
        {
            try { await _saving; } catch (Exception) { } // the turn's own failure is the one to report
            throw;
        }
        await _saving; // the turn's last checkpoint has landed before it reports its end
        return result;
    }

    private async Task<AgentTurnResult> RunTurnAsync(AgentState state, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, control.Cancelled);
        var token = linked.Token;
        var lastText = state.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Content ?? "";
        try
        {
            while (true)
            {
                // Work a crash interrupted comes first: calls the model asked for that never produced a result.
                var pending = state.PendingCalls();
                if (pending.Count > 0)
                {
                    await RunCallsAsync(state, pending, token, ct);
                    continue;
                }

                await HoldAsync(state, token, ct);
                foreach (var guidance in control.TakeSteering())
                {
                    state.Messages.Add(ChatMessage.User($"[Guidance from a person watching this run]\n{guidance}"));
                    events.Emit(new OperatorEvent { Type = OperatorEventTypes.SteeringReceived, Text = guidance, Iteration = state.Iteration });
                }
                if (state.Iteration >= options.MaxIterations)
                {
                    events.Emit(new OperatorEvent { Type = OperatorEventTypes.MaxIterations, Iteration = state.Iteration, Reason = $"reached the cap of {options.MaxIterations} model calls" });
                    return new AgentTurnResult(AgentStop.MaxIterations, lastText, $"stopped after {options.MaxIterations} model calls (the iteration cap)");
                }
                if (options.BudgetUsd is { } budget && state.CostUsd >= budget)
                {
                    events.Emit(new OperatorEvent { Type = OperatorEventTypes.BudgetExceeded, TotalCostUsd = state.CostUsd, Reason = $"spent {state.CostUsd:0.####} of {budget:0.####} USD" });
                    return new AgentTurnResult(AgentStop.Budget, lastText, $"stopped: the budget of {budget} USD is used up");
                }
                if (_compressor.ShouldCompress(state.Messages))
                {
                    var folded = await _compressor.CompressAsync(state.Messages, token);
                    // Compression rewrote everything after the system prompt and the task: the next save resends it.
                    if (folded > 0) _savedMessages = Math.Min(_savedMessages, 2);
                    if (folded > 0) events.Emit(new OperatorEvent { Type = OperatorEventTypes.ContextCompressed, Count = folded, Reason = "the conversation neared the context window" });
                }

                ChatResponse response;
                try
                {
                    response = await CallModelAsync(state, token);
                }
                catch (ChatModelException e)
                {
                    events.Emit(new OperatorEvent { Type = OperatorEventTypes.Error, Text = e.Message, Iteration = state.Iteration });
                    return new AgentTurnResult(AgentStop.ModelError, lastText, $"the model failed: {e.Message}");
                }
                lastText = response.Content;
                state.Messages.Add(ChatMessage.Assistant(response.Content, response.ToolCalls));
                if (response.ToolCalls.Count == 0)
                {
                    QueueSave(state, ct);
                    return new AgentTurnResult(AgentStop.Completed, response.Content);
                }
                // An answer with calls is saved with its first call's check (RunCallsAsync).
            }
        }
        catch (OperationCanceledException) when (control.Cancelled.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            events.Emit(new OperatorEvent { Type = OperatorEventTypes.Cancelled, Iteration = state.Iteration, Reason = "cancelled by a person" });
            return new AgentTurnResult(AgentStop.Cancelled, lastText, "cancelled by a person; the workspace holds the partial result");
        }
    }

    /// <summary>Saves a checkpoint of <paramref name="state"/> now; returns once it and every save before it have landed.</summary>
    public async Task SaveAsync(AgentState state, CancellationToken ct)
    {
        QueueSave(state, ct);
        await _saving;
    }

    /// <summary>
    /// Takes the checkpoint now and sends it behind the previous save. <paramref name="ct"/> is the run's own token, not
    /// the cancel-linked one: a person's cancel must not cut a save in half.
    /// </summary>
    private void QueueSave(AgentState state, CancellationToken ct)
    {
        var keep = Math.Min(_savedMessages, state.Messages.Count);
        var checkpoint = NewCheckpoint(state, keep, state.Messages.Skip(keep).Select(SavedMessage.From).ToList());
        events.Emit(new OperatorEvent { Type = OperatorEventTypes.CheckpointSaved, Iteration = state.Iteration, Count = state.Messages.Count });
        _savedMessages = state.Messages.Count;
        _saving = AfterAsync(_saving, checkpoint, ct);
    }

    /// <summary>
    /// A save for a guard exchange to carry: everything not yet saved, plus, for <paramref name="resultOf"/>, that
    /// call's tool message (the host fills in the reviewed text). Not carried while an earlier save is in flight, which
    /// it must not overtake; an answer not carried then is queued at once.
    /// </summary>
    private CarriedCheckpoint? Carry(AgentState state, ToolCall? resultOf, CancellationToken ct)
    {
        if (!_saving.IsCompleted)
        {
            if (resultOf is null && state.Messages.Count > _savedMessages) QueueSave(state, ct);
            return null;
        }
        if (resultOf is null && state.Messages.Count <= _savedMessages) return null;
        return new CarriedCheckpoint(() =>
        {
            if (!_saving.IsCompleted) return null;
            var keep = Math.Min(_savedMessages, state.Messages.Count);
            var messages = state.Messages.Skip(keep).Select(SavedMessage.From).ToList();
            if (resultOf is not null) messages.Add(new SavedMessage { Role = "tool", ToolCallId = resultOf.Id });
            return messages.Count == 0 ? null : NewCheckpoint(state, keep, messages);
        }, saved =>
        {
            _savedMessages = saved.KeepMessages.GetValueOrDefault() + saved.Messages.Count;
            events.Emit(new OperatorEvent { Type = OperatorEventTypes.CheckpointSaved, Iteration = saved.Iteration, Count = _savedMessages });
        });
    }

    private Checkpoint NewCheckpoint(AgentState state, int keep, List<SavedMessage> messages)
    {
        List<TodoItem> todo;
        lock (context.Todo) todo = [.. context.Todo];
        return new Checkpoint
        {
            RunId = context.RunId,
            Seq = Interlocked.Increment(ref _checkpointSeq),
            Messages = messages,
            KeepMessages = keep,
            Iteration = state.Iteration,
            GovernorTurn = state.GovernorTurn,
            Todo = todo,
            CostUsd = state.CostUsd,
            InputTokens = state.InputTokens,
            OutputTokens = state.OutputTokens,
            EventSeq = events.LastSeq + 1,
            ControlSeq = control.LastSeq,
        };
    }

    // A failed save fails every later one too (they are deltas on top of it); the error surfaces where the saves are awaited.
    private async Task AfterAsync(Task previous, Checkpoint checkpoint, CancellationToken ct)
    {
        await previous;
        await checkpoints.SaveAsync(checkpoint, ct);
    }

    private async Task HoldAsync(AgentState state, CancellationToken ct, CancellationToken outer)
    {
        if (!control.IsPaused) return;
        if (state.Messages.Count > _savedMessages) QueueSave(state, outer);
        await _saving; // a paused run is durable where it holds
        events.Emit(new OperatorEvent { Type = OperatorEventTypes.Paused, Iteration = state.Iteration, Reason = "paused by a person; holding at a tool boundary" });
        await events.FlushAsync(ct);
        await control.HoldIfPausedAsync(ct);
        events.Emit(new OperatorEvent { Type = OperatorEventTypes.Resumed, Iteration = state.Iteration });
    }

    private async Task<ChatResponse> CallModelAsync(AgentState state, CancellationToken ct)
    {
        var request = new ChatRequest { Model = options.Slot, Messages = [.. state.Messages], Tools = tools.Definitions };
        state.Iteration++;
        events.Emit(new OperatorEvent { Type = OperatorEventTypes.LlmRequest, Iteration = state.Iteration, Model = options.Slot, Count = request.Messages.Count });
        var watch = Stopwatch.StartNew();
        ChatResponse response;
        if (options.Stream)
        {
            var builder = new ChatResponseBuilder();
            await foreach (var delta in model.StreamAsync(request, ct))
            {
                builder.Add(delta);
                if (delta.Content.Length > 0) events.Emit(new OperatorEvent { Type = OperatorEventTypes.TokenDelta, Iteration = state.Iteration, Text = delta.Content });
            }
            response = builder.Build();
        }
        else
        {
            response = await model.CompleteAsync(request, ct);
        }
        var before = state.CostUsd;
        state.InputTokens += response.Usage.InputTokens;
        state.OutputTokens += response.Usage.OutputTokens;
        state.CostUsd = spentSoFar is null ? state.CostUsd + response.CostUsd : await spentSoFar(ct);
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.LlmResponse, Iteration = state.Iteration, Model = string.IsNullOrEmpty(response.Model) ? options.Slot : response.Model,
            InputTokens = response.Usage.InputTokens, OutputTokens = response.Usage.OutputTokens, CostUsd = state.CostUsd - before,
            TotalCostUsd = state.CostUsd, DurationMs = watch.ElapsedMilliseconds, Text = response.Content.Length > 0 ? response.Content : null,
            Count = response.ToolCalls.Count, Reason = response.FinishReason,
        });
        return response;
    }

    private async Task RunCallsAsync(AgentState state, IReadOnlyList<ToolCall> calls, CancellationToken ct, CancellationToken outer)
    {
        var i = 0;
        while (i < calls.Count)
        {
            await HoldAsync(state, ct, outer);
            // A run of consecutive read-only calls goes together; anything that writes goes alone.
            var batch = new List<ToolCall> { calls[i] };
            if (tools.IsReadOnly(calls[i].Name))
            {
                while (i + batch.Count < calls.Count && tools.IsReadOnly(calls[i + batch.Count].Name)) batch.Add(calls[i + batch.Count]);
            }
            // The unsaved answer rides on the first check; a lone call's result on its review.
            var first = new ToolInvocation(batch[0].Id, batch[0].Name, batch[0].ArgumentsJson, state.Iteration)
            {
                CheckpointBefore = Carry(state, null, outer),
                CheckpointWithResult = batch.Count == 1 ? Carry(state, batch[0], outer) : null,
            };
            var outcomes = batch.Count == 1
                ? [await tools.InvokeAsync(first, ct)]
                : await Task.WhenAll(batch.Select((c, k) => tools.InvokeAsync(k == 0 ? first : new ToolInvocation(c.Id, c.Name, c.ArgumentsJson, state.Iteration), ct)));
            for (var k = 0; k < batch.Count; k++) state.Messages.Add(ChatMessage.ToolResult(batch[k].Id, outcomes[k].Text));
            if (state.Messages.Count > _savedMessages) QueueSave(state, outer); // whatever no exchange carried
            i += batch.Count;
        }
    }
}

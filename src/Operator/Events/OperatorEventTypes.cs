namespace Smooth.Operator.Events;

/// <summary>The event types an operator emits (documented in <c>docs/events.md</c>).</summary>
public static class OperatorEventTypes
{
    /// <summary>The operator started (or resumed) on its task.</summary>
    public const string Started = "started";
    /// <summary>A model request was sent.</summary>
    public const string LlmRequest = "llm_request";
    /// <summary>A model answer arrived, with tokens and cost.</summary>
    public const string LlmResponse = "llm_response";
    /// <summary>A piece of streamed model text.</summary>
    public const string TokenDelta = "token_delta";
    /// <summary>A tool call began.</summary>
    public const string ToolCallStarted = "tool_call_started";
    /// <summary>A tool call ended (successfully or with an error the model will read).</summary>
    public const string ToolCallCompleted = "tool_call_completed";
    /// <summary>The hook pipeline refused a tool call before it ran.</summary>
    public const string ToolCallRefused = "tool_call_refused";
    /// <summary>A tool result was redacted before the model saw it.</summary>
    public const string ToolResultRedacted = "tool_result_redacted";
    /// <summary>A checkpoint was saved on the host.</summary>
    public const string CheckpointSaved = "checkpoint_saved";
    /// <summary>The budget was reached; the operator stopped.</summary>
    public const string BudgetExceeded = "budget_exceeded";
    /// <summary>The iteration cap was reached; the operator stopped.</summary>
    public const string MaxIterations = "max_iterations";
    /// <summary>The agent asked a person a question and waits for the answer.</summary>
    public const string HumanInputRequired = "human_input_required";
    /// <summary>A person answered.</summary>
    public const string HumanInputReceived = "human_input_received";
    /// <summary>Guidance from a person was injected before the next model call.</summary>
    public const string SteeringReceived = "steering_received";
    /// <summary>The operator holds at a tool boundary.</summary>
    public const string Paused = "paused";
    /// <summary>The operator continues.</summary>
    public const string Resumed = "resumed";
    /// <summary>Older turns were compressed through the summarize slot.</summary>
    public const string ContextCompressed = "context_compressed";
    /// <summary>The governor ran the tests; <see cref="OperatorEvent.Count"/> is the failing count.</summary>
    public const string TestsRun = "tests_run";
    /// <summary>A governor decision, with its reason.</summary>
    public const string GovernorDecision = "governor_decision";
    /// <summary>The operator finished; <see cref="OperatorEvent.Reason"/> says how.</summary>
    public const string Completed = "completed";
    /// <summary>The operator was cancelled and stopped cleanly.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Something went wrong that the operator could not recover from.</summary>
    public const string Error = "error";
}

using System.Globalization;
using Smooth.Operator.Events;

namespace Smooth.Cli.Output;

/// <summary>Shows operator events as they arrive: one readable line each (streamed model text is joined up).</summary>
public sealed class OperatorEventPrinter(TextWriter output)
{
    private readonly object _gate = new();
    private bool _midStream;

    /// <summary>Prints <paramref name="e"/>.</summary>
    public void Print(OperatorEvent e)
    {
        lock (_gate)
        {
            if (e.Type == OperatorEventTypes.TokenDelta)
            {
                if (!_midStream) output.Write("  … ");
                output.Write(e.Text);
                _midStream = true;
                return;
            }
            if (_midStream)
            {
                output.WriteLine();
                _midStream = false;
            }
            var line = Describe(e);
            if (line is not null) output.WriteLine(line);
        }
    }

    private static string? Describe(OperatorEvent e) => e.Type switch
    {
        OperatorEventTypes.Started => $"▶ operator started ({e.Model}){(e.Summary is null ? "" : $" on {e.Summary}")}: {FirstLine(e.Text)}",
        OperatorEventTypes.LlmRequest => null,
        OperatorEventTypes.LlmResponse => string.Create(CultureInfo.InvariantCulture,
            $"  model #{e.Iteration}: {e.InputTokens}→{e.OutputTokens} tokens, ${e.CostUsd ?? 0:0.####} (total ${e.TotalCostUsd ?? 0:0.####}), {e.DurationMs} ms{(e.Text is { Length: > 0 } t ? $" — {FirstLine(t)}" : "")}"),
        OperatorEventTypes.ToolCallStarted => $"  ⚙ {e.Tool} {e.Summary}",
        OperatorEventTypes.ToolCallCompleted => string.Create(CultureInfo.InvariantCulture,
            $"    {(e.IsError == true ? "✗" : "✓")} {e.Tool} ({e.DurationMs} ms){(e.Summary is { Length: > 0 } s ? $": {s}" : "")}"),
        OperatorEventTypes.ToolCallRefused => $"  ⛔ {e.Tool} refused{(e.Rule is null ? "" : $" by rule {e.Rule}")}: {e.Reason}",
        OperatorEventTypes.ToolResultRedacted => $"    ✂ {e.Count} secret(s) redacted from the {e.Tool} result ({e.Rule})",
        OperatorEventTypes.CheckpointSaved => null,
        OperatorEventTypes.BudgetExceeded => $"  $ budget reached: {e.Reason}",
        OperatorEventTypes.MaxIterations => $"  ⟳ iteration cap: {e.Reason}",
        OperatorEventTypes.HumanInputRequired => $"  ? the operator asks: {e.Text}\n    (answer with: /answer YOUR REPLY)",
        OperatorEventTypes.HumanInputReceived => $"  ✉ answer delivered",
        OperatorEventTypes.SteeringReceived => $"  ➜ guidance received: {FirstLine(e.Text)}",
        OperatorEventTypes.Paused => "  ⏸ paused (resume with /resume)",
        OperatorEventTypes.Resumed => "  ▶ resumed",
        OperatorEventTypes.ContextCompressed => $"  ⇣ compressed {e.Count} older messages to fit the context window",
        OperatorEventTypes.TestsRun => $"  🧪 tests: {e.Reason}",
        OperatorEventTypes.GovernorDecision => $"  ⚖ governor {e.Text}: {e.Reason}",
        OperatorEventTypes.Cancelled => "  ■ cancelled",
        OperatorEventTypes.Error => $"  ! error: {e.Text}",
        OperatorEventTypes.Completed => string.Create(CultureInfo.InvariantCulture,
            $"■ operator finished: {e.Reason} (${e.TotalCostUsd ?? 0:0.####}, {e.InputTokens}→{e.OutputTokens} tokens)\n  {FirstLine(e.Text, 400)}"),
        _ => $"  · {e.Type}",
    };

    private static string FirstLine(string? text, int max = 160)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var nl = text.IndexOf('\n');
        var line = nl >= 0 ? text[..nl] : text;
        return line.Length > max ? line[..max] + "…" : line;
    }
}

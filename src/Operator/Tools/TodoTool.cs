using System.Text;
using System.Text.Json;
using Smooth.Operator.Checkpoints;

namespace Smooth.Operator.Tools;

/// <summary><c>todo</c>: the agent's plan, replaced as a whole each call and kept in checkpoints.</summary>
public sealed class TodoTool : ITool
{
    /// <inheritdoc />
    public string Name => "todo";
    /// <inheritdoc />
    public string Description => "Write your plan: the full list of steps, each with status pending, in_progress or done. Call with no items to read it back.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"text":{"type":"string"},"status":{"type":"string","enum":["pending","in_progress","done"]}},"required":["text","status"]}}}}""";
    /// <inheritdoc />
    public bool ReadOnly => false;

    /// <inheritdoc />
    public Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        if (arguments.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            var list = new List<TodoItem>();
            foreach (var item in items.EnumerateArray())
            {
                var text = Args.String(item, "text");
                var status = Args.String(item, "status");
                if (status is not ("pending" or "in_progress" or "done")) throw new ToolException($"status '{status}' is not pending, in_progress or done");
                list.Add(new TodoItem(text, status));
            }
            lock (context.Todo)
            {
                context.Todo.Clear();
                context.Todo.AddRange(list);
            }
        }
        var sb = new StringBuilder();
        lock (context.Todo)
        {
            foreach (var t in context.Todo) sb.Append(t.Status switch { "done" => "[x] ", "in_progress" => "[>] ", _ => "[ ] " }).Append(t.Text).Append('\n');
        }
        return Task.FromResult(sb.Length == 0 ? "(the plan is empty)" : sb.ToString());
    }
}

using Smooth.Llm.Clients;
using Smooth.Operator.Events;
using Smooth.Operator.Tools;

namespace Smooth.Operator.Hooks;

/// <summary>
/// The only path from the model to a tool: guard (policy and surveillance before, redaction after) → any extra hooks →
/// audit → the tool. Built once per run; the agent loop holds nothing else.
/// </summary>
public sealed class ToolPipeline
{
    private readonly IToolInvoker _entry;
    private readonly IReadOnlyDictionary<string, ITool> _tools;

    private ToolPipeline(IToolInvoker entry, IReadOnlyDictionary<string, ITool> tools)
    {
        _entry = entry;
        _tools = tools;
    }

    /// <summary>
    /// Builds the pipeline for <paramref name="tools"/>. <paramref name="extraHooks"/> wrap the audited executor, inner
    /// first; the guard is always outermost and cannot be left out.
    /// </summary>
    public static ToolPipeline Build(IEnumerable<ITool> tools, ToolContext context, IToolGuard guard, EventStamper events,
        IEnumerable<Func<IToolInvoker, IToolInvoker>>? extraHooks = null)
    {
        var map = new Dictionary<string, ITool>(StringComparer.Ordinal);
        foreach (var t in tools)
        {
            if (!map.TryAdd(t.Name, t)) throw new ArgumentException($"two tools are named '{t.Name}'", nameof(tools));
        }
        IToolInvoker stage = new AuditHook(new ToolExecutor(map, context), events);
        foreach (var hook in extraHooks ?? []) stage = hook(stage);
        return new ToolPipeline(new GuardHook(stage, guard, events), map);
    }

    /// <summary>The tools as offered to the model.</summary>
    public IReadOnlyList<ToolDefinition> Definitions => _tools.Values.Select(t => new ToolDefinition(t.Name, t.Description, t.ParametersSchema)).ToList();

    /// <summary>True when <paramref name="name"/> is a read-only tool (safe to run alongside others).</summary>
    public bool IsReadOnly(string name) => _tools.TryGetValue(name, out var t) && t.ReadOnly;

    /// <summary>Runs one call through every hook.</summary>
    public Task<ToolOutcome> InvokeAsync(ToolInvocation call, CancellationToken ct) => _entry.InvokeAsync(call, ct);
}

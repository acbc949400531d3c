using Smooth.Operator.Checkpoints;
using Smooth.Operator.Control;
using Smooth.Operator.Events;
using Smooth.Operator.Tools.Background;

namespace Smooth.Operator.Tools;

/// <summary>What tools may use: the workspace, the run's background jobs, the plan, the crew services, the controls.</summary>
public sealed class ToolContext
{
    /// <summary>The workspace root (absolute, symlinks resolved).</summary>
    public required WorkspacePaths Workspace { get; init; }

    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>Background jobs of this run.</summary>
    public required BackgroundJobs Jobs { get; init; }

    /// <summary>The plan kept by the <c>todo</c> tool.</summary>
    public List<TodoItem> Todo { get; } = [];

    /// <summary>Pearls and memory, through the operator API.</summary>
    public required ICrewServices Crew { get; init; }

    /// <summary>The controls (for questions to a person).</summary>
    public required RunControl Control { get; init; }

    /// <summary>Events (for questions to a person).</summary>
    public required EventStamper Events { get; init; }

    /// <summary>Default bash timeout.</summary>
    public TimeSpan BashTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most characters of output returned to the model.</summary>
    public int OutputCapChars { get; init; } = 30_000;

    /// <summary>The environment of commands the tools start (never the operator's own, which holds its tokens).</summary>
    public required IReadOnlyDictionary<string, string> CommandEnvironment { get; init; }
}

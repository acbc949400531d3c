namespace Smooth.Operator.Tools;

/// <summary>What an operator may ask the crew for: its own pearls (scoped by its token) and the project's memory.</summary>
public interface ICrewServices
{
    /// <summary>The pearls this operator may see (its pearl and that pearl's dependency closure), as JSON text.</summary>
    Task<string> ListPearlsAsync(CancellationToken ct);

    /// <summary>One pearl in scope, as JSON text; a <see cref="ToolException"/> when out of scope or unknown.</summary>
    Task<string> GetPearlAsync(string id, CancellationToken ct);

    /// <summary>Files a sub-pearl of the operator's pearl; returns its id.</summary>
    Task<string> CreateSubPearlAsync(string title, string description, int priority, CancellationToken ct);

    /// <summary>Comments on a pearl in scope.</summary>
    Task CommentAsync(string id, string body, CancellationToken ct);

    /// <summary>Stores a memory.</summary>
    Task<string> RememberAsync(string content, CancellationToken ct);

    /// <summary>The most recent memories, as JSON text.</summary>
    Task<string> RecallRecentAsync(int limit, CancellationToken ct);
}

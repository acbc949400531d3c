using System.Text.Json;

namespace Smooth.Pearls.Model;

/// <summary>
/// A change to some fields of a pearl; null means "leave as is". For the nullable fields (assignee, parent, outputs)
/// the matching Clear flag removes the value.
/// </summary>
public sealed record PearlUpdate
{
    /// <summary>New title.</summary>
    public string? Title { get; init; }
    /// <summary>New description.</summary>
    public string? Description { get; init; }
    /// <summary>New status (closing sets closedAt; leaving closed clears it).</summary>
    public PearlStatus? Status { get; init; }
    /// <summary>New priority, 0-4.</summary>
    public int? Priority { get; init; }
    /// <summary>New type.</summary>
    public PearlType? Type { get; init; }
    /// <summary>Labels to add.</summary>
    public IReadOnlyList<string> AddLabels { get; init; } = [];
    /// <summary>Labels to remove.</summary>
    public IReadOnlyList<string> RemoveLabels { get; init; } = [];
    /// <summary>New assignee.</summary>
    public string? Assignee { get; init; }
    /// <summary>Remove the assignee.</summary>
    public bool ClearAssignee { get; init; }
    /// <summary>New parent pearl id.</summary>
    public string? Parent { get; init; }
    /// <summary>Detach from the parent.</summary>
    public bool ClearParent { get; init; }
    /// <summary>New outputs JSON.</summary>
    public JsonElement? Outputs { get; init; }
    /// <summary>Remove the outputs.</summary>
    public bool ClearOutputs { get; init; }
}

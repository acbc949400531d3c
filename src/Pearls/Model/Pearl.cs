using System.Text.Json;

namespace Smooth.Pearls.Model;

/// <summary>A durable work item. Property order is the JSON key order (stable, documented in docs/pearls.md).</summary>
public sealed record Pearl
{
    /// <summary><c>th-</c> followed by six lowercase hex digits.</summary>
    public required string Id { get; init; }
    /// <summary>One line saying what the work is.</summary>
    public required string Title { get; init; }
    /// <summary>Longer text; empty when none.</summary>
    public string Description { get; init; } = "";
    /// <summary>Lifecycle state.</summary>
    public PearlStatus Status { get; init; }
    /// <summary>0 (most urgent) to 4.</summary>
    public int Priority { get; init; }
    /// <summary>Kind of work.</summary>
    public PearlType Type { get; init; }
    /// <summary>Labels, sorted, distinct.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Who works it, or null.</summary>
    public string? Assignee { get; init; }
    /// <summary>The parent pearl when this is a sub-pearl, or null.</summary>
    public string? Parent { get; init; }
    /// <summary>JSON written back by the run that worked the pearl, or null.</summary>
    public JsonElement? Outputs { get; init; }
    /// <summary>When the pearl was filed (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When any field last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When it was closed (UTC), or null when not closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}

namespace Smooth.Pearls.Model;

/// <summary>Search criteria for <see cref="IPearlStore.SearchAsync"/>; every set criterion must match.</summary>
public sealed record PearlFilter
{
    /// <summary>Any of these statuses; empty for any status.</summary>
    public IReadOnlyList<PearlStatus> Statuses { get; init; } = [];
    /// <summary>Every one of these labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Case-insensitive substring of the title or description.</summary>
    public string? Text { get; init; }
    /// <summary>Only this type.</summary>
    public PearlType? Type { get; init; }
    /// <summary>Only this assignee.</summary>
    public string? Assignee { get; init; }
    /// <summary>Only children of this pearl.</summary>
    public string? Parent { get; init; }
    /// <summary>At most this many results; null for all.</summary>
    public int? Limit { get; init; }
}

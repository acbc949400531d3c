using System.Text.Json;

namespace Smooth.Pearls.Model;

/// <summary>What is needed to file a pearl; everything but the title has a default.</summary>
public sealed record NewPearl
{
    /// <summary>One line saying what the work is (required, non-blank).</summary>
    public required string Title { get; init; }
    /// <summary>Longer text.</summary>
    public string Description { get; init; } = "";
    /// <summary>0 (most urgent) to 4; default 2.</summary>
    public int Priority { get; init; } = 2;
    /// <summary>Kind of work; default task.</summary>
    public PearlType Type { get; init; } = PearlType.Task;
    /// <summary>Initial status; default open.</summary>
    public PearlStatus Status { get; init; } = PearlStatus.Open;
    /// <summary>Labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
    /// <summary>Who works it.</summary>
    public string? Assignee { get; init; }
    /// <summary>Parent pearl id, making this a sub-pearl.</summary>
    public string? Parent { get; init; }
    /// <summary>Initial outputs JSON.</summary>
    public JsonElement? Outputs { get; init; }
}

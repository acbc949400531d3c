using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

/// <summary>A row of <c>pearl_history</c>.</summary>
internal sealed class HistoryRow
{
    public string PearlId { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string Actor { get; set; } = "";
    public string At { get; set; } = "";

    public PearlChange ToChange() => new(Field, OldValue, NewValue, Actor, Timestamps.Read(At));
}

namespace Smooth.Pearls.Storage;

/// <summary>A pearl row reached by the closure walk, with its depth and the kind of the edge that reached it.</summary>
internal sealed class ClosureRow
{
    public long Depth { get; set; }
    public string Via { get; set; } = "";
    public string Id { get; set; } = "";
}

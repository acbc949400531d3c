using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

/// <summary>A row of <c>memories</c>.</summary>
internal sealed class MemoryRow
{
    public string Id { get; set; } = "";
    public string Content { get; set; } = "";
    public string Source { get; set; } = "";
    public string CreatedAt { get; set; } = "";

    public Memory ToMemory() => new(Id, Content, Source, Timestamps.Read(CreatedAt));
}

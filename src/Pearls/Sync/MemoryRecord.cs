using Smooth.Pearls.Model;

namespace Smooth.Pearls.Sync;

/// <summary>A memory line of the JSONL file.</summary>
/// <param name="Memory">The memory.</param>
public sealed record MemoryRecord(Memory Memory) : JsonlRecord;

using System.Text.Json.Serialization;

namespace Smooth.Pearls.Sync;

/// <summary>One line of <c>.smooth/pearls.jsonl</c>; the <c>kind</c> key (first on the line) says which.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PearlRecord), "pearl")]
[JsonDerivedType(typeof(MemoryRecord), "memory")]
public abstract record JsonlRecord;

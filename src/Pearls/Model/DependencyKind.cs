using System.Text.Json.Serialization;

namespace Smooth.Pearls.Model;

/// <summary>How one pearl depends on another.</summary>
public enum DependencyKind
{
    /// <summary>The other pearl must be closed before this one is ready. Cycles are refused.</summary>
    [JsonStringEnumMemberName("blocks")] Blocks,
    /// <summary>Context only: worth reading, never holds the pearl back.</summary>
    [JsonStringEnumMemberName("related")] Related,
}

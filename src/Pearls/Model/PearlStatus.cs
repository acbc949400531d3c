using System.Text.Json.Serialization;

namespace Smooth.Pearls.Model;

/// <summary>Where a pearl is in its life. Written in JSON and the database as the snake_case names.</summary>
public enum PearlStatus
{
    /// <summary>Filed, waiting to be worked.</summary>
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>Being worked.</summary>
    [JsonStringEnumMemberName("in_progress")] InProgress,
    /// <summary>Worked; its changes wait for a person's review.</summary>
    [JsonStringEnumMemberName("review")] Review,
    /// <summary>Cannot proceed until something outside the store changes.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,
    /// <summary>Put aside on purpose.</summary>
    [JsonStringEnumMemberName("deferred")] Deferred,
    /// <summary>Done (or dropped).</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}

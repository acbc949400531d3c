using System.Text.Json.Serialization;

namespace Smooth.Pearls.Model;

/// <summary>What kind of work a pearl is.</summary>
public enum PearlType
{
    /// <summary>A unit of work.</summary>
    [JsonStringEnumMemberName("task")] Task,
    /// <summary>Something broken.</summary>
    [JsonStringEnumMemberName("bug")] Bug,
    /// <summary>Something new.</summary>
    [JsonStringEnumMemberName("feature")] Feature,
    /// <summary>A large piece of work split into sub-pearls.</summary>
    [JsonStringEnumMemberName("epic")] Epic,
}

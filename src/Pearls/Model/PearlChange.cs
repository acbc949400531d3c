namespace Smooth.Pearls.Model;

/// <summary>One entry of a pearl's history: a field changed from <see cref="OldValue"/> to <see cref="NewValue"/>.</summary>
/// <param name="Field">The field name as in JSON (title, status, labels, dependency, comment, ...), or "created".</param>
/// <param name="OldValue">The value before, as text; null when there was none.</param>
/// <param name="NewValue">The value after, as text; null when removed.</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="At">When (UTC).</param>
public sealed record PearlChange(string Field, string? OldValue, string? NewValue, string Actor, DateTimeOffset At);

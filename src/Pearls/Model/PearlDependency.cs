namespace Smooth.Pearls.Model;

/// <summary>An edge: <see cref="PearlId"/> depends on <see cref="DependsOn"/>.</summary>
/// <param name="PearlId">The dependent pearl.</param>
/// <param name="DependsOn">The pearl it depends on (for <c>blocks</c>, the one that must close first).</param>
/// <param name="Kind">blocks or related.</param>
/// <param name="CreatedAt">When the edge was added.</param>
public sealed record PearlDependency(string PearlId, string DependsOn, DependencyKind Kind, DateTimeOffset CreatedAt);

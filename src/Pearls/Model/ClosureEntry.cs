namespace Smooth.Pearls.Model;

/// <summary>A pearl reached while walking dependencies, with its distance from the start.</summary>
/// <param name="Depth">1 for a direct dependency, 2 for a dependency of one, ...</param>
/// <param name="Via">The dependency kind of the edge that first reached it.</param>
/// <param name="Pearl">The pearl.</param>
public sealed record ClosureEntry(int Depth, DependencyKind Via, Pearl Pearl);

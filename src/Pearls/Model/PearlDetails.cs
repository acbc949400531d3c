namespace Smooth.Pearls.Model;

/// <summary>A pearl with everything attached to it: what <c>th pearls show</c> prints.</summary>
/// <param name="Pearl">The pearl.</param>
/// <param name="Dependencies">Edges from this pearl to the pearls it depends on, sorted by target id.</param>
/// <param name="Dependents">Edges from other pearls to this one, sorted by their id.</param>
/// <param name="Children">Ids of the sub-pearls, sorted.</param>
/// <param name="Comments">Comments, oldest first.</param>
/// <param name="Closure">The dependency closure to the requested depth (empty when depth 0), nearest first.</param>
public sealed record PearlDetails(
    Pearl Pearl,
    IReadOnlyList<PearlDependency> Dependencies,
    IReadOnlyList<PearlDependency> Dependents,
    IReadOnlyList<string> Children,
    IReadOnlyList<PearlComment> Comments,
    IReadOnlyList<ClosureEntry> Closure);

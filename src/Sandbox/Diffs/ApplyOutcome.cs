namespace Smooth.Sandbox.Diffs;

/// <summary>The result of applying a diff bundle to the user's repository.</summary>
/// <param name="Applied">True when every patch was applied; false means the tree is exactly as before.</param>
/// <param name="ThreeWay">True when the user's tree had moved since the base and a three-way apply was used.</param>
/// <param name="Conflicts">Paths that could not be merged (empty when applied).</param>
/// <param name="ChangedPaths">Paths written or removed (empty when not applied).</param>
/// <param name="Message">A sentence for a person.</param>
public sealed record ApplyOutcome(bool Applied, bool ThreeWay, IReadOnlyList<string> Conflicts, IReadOnlyList<string> ChangedPaths, string Message);

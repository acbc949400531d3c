using Smooth.Pearls.Model;

namespace Smooth.Pearls.Sync;

/// <summary>A pearl with its outgoing dependencies, comments and history: everything needed to rebuild it elsewhere.</summary>
/// <param name="Pearl">The pearl's fields.</param>
/// <param name="Dependencies">Its outgoing edges, sorted by target id.</param>
/// <param name="Comments">Its comments, oldest first.</param>
/// <param name="History">Its field changes, oldest first.</param>
public sealed record PearlRecord(
    Pearl Pearl,
    IReadOnlyList<PearlDependency> Dependencies,
    IReadOnlyList<PearlComment> Comments,
    IReadOnlyList<PearlChange> History) : JsonlRecord;

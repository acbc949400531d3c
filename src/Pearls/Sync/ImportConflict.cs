namespace Smooth.Pearls.Sync;

/// <summary>A record changed on both sides (or could not be applied as is), and how the import resolved it.</summary>
/// <param name="Id">The pearl or memory id.</param>
/// <param name="Reason">What differed.</param>
/// <param name="Resolution">What the import kept.</param>
public sealed record ImportConflict(string Id, string Reason, string Resolution);

namespace Smooth.Pearls.Sync;

/// <summary>What an import did. Importing the same file twice reports everything unchanged the second time.</summary>
/// <param name="Added">Pearls that were new here.</param>
/// <param name="Updated">Pearls replaced by a newer incoming version.</param>
/// <param name="Unchanged">Pearls identical on both sides.</param>
/// <param name="KeptLocal">Pearls where the local version is newer and was kept.</param>
/// <param name="MemoriesAdded">Memories that were new here.</param>
/// <param name="MemoriesUnchanged">Memories already present.</param>
/// <param name="Conflicts">Records changed on both sides, with the resolution taken.</param>
public sealed record ImportReport(
    int Added,
    int Updated,
    int Unchanged,
    int KeptLocal,
    int MemoriesAdded,
    int MemoriesUnchanged,
    IReadOnlyList<ImportConflict> Conflicts);

namespace Smooth.Sandbox.Diffs;

/// <summary>The changes a run made, against the snapshot it started from.</summary>
/// <param name="Seq">Sequence number of this bundle within its run.</param>
/// <param name="BaseRef">The snapshot commit the patches apply to.</param>
/// <param name="Patches">One entry per changed path, in path order.</param>
public sealed record DiffBundle(int Seq, string BaseRef, IReadOnlyList<FilePatch> Patches);

/// <summary>One changed path.</summary>
/// <param name="Path">Repository-relative path after the change.</param>
/// <param name="Operation">add, modify, delete or rename.</param>
/// <param name="Diff">The git patch for this path (binary patches in git's base85 form).</param>
/// <param name="Binary">True for a binary patch.</param>
/// <param name="OldPath">The path before a rename.</param>
public sealed record FilePatch(string Path, string Operation, string Diff, bool Binary = false, string? OldPath = null);

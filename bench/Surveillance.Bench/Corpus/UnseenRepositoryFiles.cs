namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>
/// The repository's source and docs of components whose text is not in the training corpus: code and prose the
/// injection model never saw. The scorer's tests require none of them to reach its threshold, and the
/// leave-one-set-out yardstick counts how many each fold's model flags.
/// </summary>
public static class UnseenRepositoryFiles
{
    /// <summary>The files under the repository at <paramref name="root"/>, in a fixed order.</summary>
    public static IEnumerable<string> In(string root)
    {
        foreach (var dir in new[] { "src/Pearls", "src/Sandbox" })
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)) yield return f;
            }
        }
        foreach (var doc in new[] { "pearls.md", "sandbox.md", "daemon.md", "egress.md" }) yield return Path.Combine(root, "docs", doc);
    }
}

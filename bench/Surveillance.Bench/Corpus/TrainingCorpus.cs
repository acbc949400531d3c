using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>
/// The labelled texts the injection model is trained on. Positives: <c>injection.txt</c> and the held-out sets v1 to
/// v18. Negatives: the benign chunks and hard negatives under <c>benign/</c>, <c>near-misses.txt</c>, and the hard
/// negatives of v6 to v18. Every one of v1 to v18 has been measured once and is spent; a later set (v19 on) is sealed
/// and never opened: the files are named one by one, and in <c>benign/</c> a file whose name carries a held-out
/// version above <see cref="LastVersion"/> is skipped by name before it is read. Plus the synthetic sets under
/// <c>synthetic/</c> (<see cref="SyntheticDir"/>): injections and hard negatives in the same carriers and languages,
/// written for training only by authors who read neither the detector nor the corpus. They are never scored as
/// held-out figures.
/// </summary>
public static partial class TrainingCorpus
{
    /// <summary>The last held-out version that may be trained on.</summary>
    public const int LastVersion = 24;

    /// <summary>The folder of the synthetic training sets, relative to the corpus: <c>injection-NAME.txt</c> and <c>benign-NAME.txt</c> pairs.</summary>
    public const string SyntheticDir = "synthetic";

    /// <summary>
    /// Loads the training documents in a fixed order: positives labelled <see cref="CorpusLabel.Injection"/>, negatives
    /// <see cref="CorpusLabel.Benign"/>. <paramref name="synthetic"/> false leaves out the synthetic sets (to measure what they add).
    /// </summary>
    public static List<CorpusDocument> Load(string? directory = null, bool synthetic = true)
    {
        var dir = directory ?? QualityCorpus.Locate();
        var docs = new List<CorpusDocument>();
        docs.AddRange(QualityCorpus.Blocks(Path.Combine(dir, "injection.txt"), CorpusLabel.Injection));
        for (var v = 1; v <= LastVersion; v++)
        {
            docs.AddRange(QualityCorpus.Blocks(Path.Combine(dir, $"injection-heldout-v{v}.txt"), CorpusLabel.Injection));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "benign"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (IsSealed(Path.GetFileName(file))) continue;
            docs.AddRange(QualityCorpus.IsHardNegative(file, dir) ? QualityCorpus.Blocks(file, CorpusLabel.Benign, QualityCorpus.HardNegativesDir + "/") : QualityCorpus.Chunks(file, dir));
        }
        docs.AddRange(QualityCorpus.Blocks(Path.Combine(dir, "near-misses.txt"), CorpusLabel.Benign));
        for (var v = 6; v <= LastVersion; v++)
        {
            docs.AddRange(QualityCorpus.Blocks(Path.Combine(dir, $"benign-heldout-v{v}.txt"), CorpusLabel.Benign));
        }
        if (synthetic)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, SyntheticDir), "*.txt").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var label = name.StartsWith("injection-", StringComparison.Ordinal) ? CorpusLabel.Injection
                    : name.StartsWith("benign-", StringComparison.Ordinal) ? CorpusLabel.Benign
                    : throw new InvalidDataException($"{SyntheticDir}/{name}: a synthetic set is named injection-NAME.txt or benign-NAME.txt");
                docs.AddRange(QualityCorpus.Blocks(file, label, SyntheticDir + "/"));
            }
        }
        return docs;
    }

    /// <summary>The first held-out set with hard negatives of its own, written by someone who had read neither the detector nor the corpus: the sets the leave-one-set-out yardstick leaves out in turn.</summary>
    public const int FirstIndependent = 6;

    /// <summary>
    /// <paramref name="docs"/> without held-out set <paramref name="version"/> (its injections and its hard negatives),
    /// and that set's injections and hard negatives: the split of the leave-one-set-out yardstick.
    /// </summary>
    public static (List<CorpusDocument> Train, List<CorpusDocument> Injections, List<CorpusDocument> HardNegatives) LeaveOut(IReadOnlyList<CorpusDocument> docs, int version)
    {
        var injections = $"injection-heldout-v{version}.txt#";
        var hard = $"benign-heldout-v{version}.txt#";
        var train = docs.Where(d => !d.Name.StartsWith(injections, StringComparison.Ordinal) && !d.Name.StartsWith(hard, StringComparison.Ordinal)).ToList();
        return (train, [.. docs.Where(d => d.Name.StartsWith(injections, StringComparison.Ordinal))], [.. docs.Where(d => d.Name.StartsWith(hard, StringComparison.Ordinal))]);
    }

    /// <summary>True for a file name of a held-out set later than <see cref="LastVersion"/>.</summary>
    public static bool IsSealed(string fileName) =>
        HeldOutVersion().Match(fileName) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > LastVersion;

    [GeneratedRegex(@"heldout-v(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex HeldOutVersion();
}

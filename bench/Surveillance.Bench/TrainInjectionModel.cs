using Smooth.Bench;
using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Bench.Training;

namespace Smooth.Surveillance.Bench;

/// <summary>
/// <c>--train-injection-model [--out PATH] [--check]</c>: trains the learned injection scorer's model on the training
/// corpus (<see cref="TrainingCorpus"/>; never the sealed held-out sets) and writes it where the product embeds it.
/// <c>--check</c> trains twice and compares the two files with each other and with the shipped one, writing nothing.
/// </summary>
internal static class TrainInjectionModel
{
    /// <summary>Where the model lives in the source tree, relative to the repository root.</summary>
    public const string ShippedPath = "src/Surveillance/Scoring/Models/injection-linear-v1.bin";

    public static int Run(string[] args)
    {
        var outAt = Array.IndexOf(args, "--out");
        var path = outAt >= 0 && outAt + 1 < args.Length ? args[outAt + 1] : Path.Combine(RepoRoot(), ShippedPath);
        var options = Options(args);
        var docs = TrainingCorpus.Load(synthetic: !args.Contains("--no-synthetic"));
        var report = ModelTrainer.Train(docs, options);
        Print(report, options);
        if (args.Contains("--check"))
        {
            var again = ModelTrainer.Train(docs, options).Model;
            var same = again.AsSpan().SequenceEqual(report.Model);
            Console.WriteLine(same ? "two runs: byte-identical" : "TWO RUNS DIFFER");
            var shipped = File.Exists(path) ? File.ReadAllBytes(path) : [];
            var matches = shipped.AsSpan().SequenceEqual(report.Model);
            Console.WriteLine(matches ? $"the shipped model ({path}) is what this corpus trains" : $"THE SHIPPED MODEL ({path}) DIFFERS: retrain with --train-injection-model");
            return same && matches ? 0 : 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, report.Model);
        Console.WriteLine($"wrote {path} ({report.Model.Length} bytes)");
        return 0;
    }

    // Overrides for experiments (the shipped model uses the defaults): --bits, --chunk, --window, --small, --epochs,
    // --rate, --l2, --no-pad, --pad-weight, --short-negatives, --floor, --spread N (multiple-instance after N epochs),
    // --bag-small 0|1, --neg-small 0|1, --neg-small-weight, --code-copies, --code-weight, --target-fp. --leave-one-set-out
    // takes the same overrides.
    internal static TrainingOptions Options(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        double? Number(string name) => Value(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        bool? Flag(string name) => Value(name) is { } v ? v is "1" or "true" or "on" : null;
        var o = new TrainingOptions();
        return o with
        {
            BucketBits = (int?)Number("--bits") ?? o.BucketBits,
            ChunkChars = (int?)Number("--chunk") ?? o.ChunkChars,
            WindowChunks = (int?)Number("--window") ?? o.WindowChunks,
            Epochs = (int?)Number("--epochs") ?? o.Epochs,
            LearningRate = Number("--rate") ?? o.LearningRate,
            L2 = Number("--l2") ?? o.L2,
            PadPositives = !args.Contains("--no-pad") && o.PadPositives,
            NormFloor = (int?)Number("--floor") ?? o.NormFloor,
            PadWeight = Number("--pad-weight") ?? o.PadWeight,
            ShortNegatives = (int?)Number("--short-negatives") ?? o.ShortNegatives,
            SmallWindowChunks = (int?)Number("--small") ?? o.SmallWindowChunks,
            SpreadEpochs = (int?)Number("--spread") ?? o.SpreadEpochs,
            BagSmallWindows = Flag("--bag-small") ?? o.BagSmallWindows,
            NegativeSmallWindows = Flag("--neg-small") ?? o.NegativeSmallWindows,
            NegativeSmallWeight = Number("--neg-small-weight") ?? o.NegativeSmallWeight,
            CodeCopies = (int?)Number("--code-copies") ?? o.CodeCopies,
            CodeWeight = Number("--code-weight") ?? o.CodeWeight,
            TargetFalsePositives = Number("--target-fp") ?? o.TargetFalsePositives,
        };
    }

    private static void Print(TrainingReport r, TrainingOptions o)
    {
        Console.WriteLine($"training: {r.Positives} injections, {r.Negatives} negatives, {r.Examples} windows; 2^{o.BucketBits} buckets, windows of {o.WindowChunks} x {o.ChunkChars} characters (and of {o.SmallWindowChunks} x {o.ChunkChars} in scoring), {o.Epochs} epochs");
        Console.WriteLine($"{o.Folds}-fold cross-validation: AUC {Stats.F(r.CvAuc, "0.000")}; threshold {Stats.F(r.Threshold, "0.0000")} flags {r.CvPositivesFlagged}/{r.Positives} injections and {r.CvNegativesFlagged}/{r.Negatives} negatives (target {Stats.F(o.TargetFalsePositives * 100, "0")} %); {r.CvEmbeddedFlagged}/{r.Positives} injections at the end of 4 KiB of benign text, {r.CvAfterCodeFlagged}/{r.Positives} after 4 KiB of code; {r.CvShortPiecesFlagged}/{r.CvShortPieces} short pieces of negatives");
        Console.WriteLine("| source (out of fold) | documents | flagged |");
        Console.WriteLine("|---|---|---|");
        foreach (var (source, n, flagged) in r.CvBySource) Console.WriteLine($"| {source} | {n} | {flagged} |");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Smooth.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("run the trainer inside the repository (Smooth.slnx not found above the current directory), or pass --out PATH");
    }
}

using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Bench.Training;

namespace Smooth.Surveillance.Tests;

/// <summary>The injection model's trainer (bench/Surveillance.Bench/Training): reproducible, and never fed the sealed sets.</summary>
public sealed class InjectionModelTrainerTests
{
    private static readonly Lazy<TrainingReport> First = new(() => ModelTrainer.Train(TrainingCorpus.Load(), new TrainingOptions()));

    [Fact]
    public void Training_twice_gives_byte_identical_models()
    {
        var second = ModelTrainer.Train(TrainingCorpus.Load(), new TrainingOptions());
        Assert.Equal(First.Value.Model, second.Model);
    }

    [Fact]
    public void The_shipped_model_is_what_the_trainer_makes_of_the_training_corpus()
    {
        using var stream = typeof(Scoring.ScorerCatalog).Assembly.GetManifestResourceStream("Smooth.Surveillance.injection-linear-v1.bin")!;
        using var shipped = new MemoryStream();
        stream.CopyTo(shipped);
        Assert.True(shipped.ToArray().AsSpan().SequenceEqual(First.Value.Model),
            "the training corpus or the trainer changed since the model was trained: retrain with 'dotnet run -c Release --project bench/Surveillance.Bench -- --train-injection-model' and commit the model");
    }

    [Fact]
    public void The_sealed_held_out_sets_are_never_part_of_the_training_data()
    {
        var docs = TrainingCorpus.Load();
        Assert.Equal(615, docs.Count(d => d.Label == CorpusLabel.Injection));
        Assert.DoesNotContain(docs, d => TrainingCorpus.IsSealed(d.Name));
        Assert.Contains(docs, d => d.Name.StartsWith("injection-heldout-v10.txt", StringComparison.Ordinal));
        Assert.Contains(docs, d => d.Name.StartsWith("benign-heldout-v10.txt", StringComparison.Ordinal));
        Assert.True(TrainingCorpus.IsSealed("injection-heldout-v11.txt"));
        Assert.True(TrainingCorpus.IsSealed("benign-heldout-v12.txt"));
        Assert.False(TrainingCorpus.IsSealed("benign-heldout-v10.txt"));
        Assert.False(TrainingCorpus.IsSealed("heldout-v5.txt"));
    }
}

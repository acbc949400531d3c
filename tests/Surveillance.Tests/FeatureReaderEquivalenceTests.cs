using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Bench.Training;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// The product's <see cref="FeatureReader"/> reads exactly the features of <see cref="ReferenceFeatureReader"/>, in the
/// same order, whole or fed in chunks: over the benchmark's benign text and every corpus document, and over random
/// texts built to hit its edge cases (runs of one character at chunk edges, runs of spaces, digits, letters that change
/// case, non-ASCII letters, spaces and symbols, surrogates, texts that start without a word).
/// </summary>
public sealed class FeatureReaderEquivalenceTests
{
    private const int Bits = 18;

    [Fact]
    public void The_corpus_reads_the_same_features_as_the_reference()
    {
        var texts = QualityCorpus.Load(Engines.Builtin).Select(d => d.Text).Append(QualityCorpus.BenignText(64 * 1024)).ToList();
        Assert.True(texts.Count > 1000);
        var random = new Random(7);
        foreach (var text in texts) AssertSame(text, random);
    }

    [Fact]
    public void Random_texts_full_of_edge_cases_read_the_same_features_as_the_reference()
    {
        const string Alphabet = "aaaAAbZz0123   \t\n\n--==..,;:!?''\"()éÉßДжЖ中文\u00A0\u2003\u200B\uD83D\uDE00_/\\#";
        var random = new Random(11);
        for (var n = 0; n < 3000; n++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                // Runs of one character, now and then, at any length.
                chars[i] = i > 0 && random.Next(4) == 0 ? chars[i - 1] : Alphabet[random.Next(Alphabet.Length)];
            }
            AssertSame(new string(chars), random);
        }
    }

    [Fact]
    public void The_whole_range_of_code_units_is_normalised_as_the_reference_does()
    {
        var all = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++) all[i] = (char)i;
        // Each code unit between two letters, so its class and its normalised form both show in the features.
        var text = string.Join("", all.Select(c => "q" + c + "q "));
        AssertSame(text, new Random(3));
    }

    private static void AssertSame(string text, Random random)
    {
        var expected = new List<int>();
        var reference = new ReferenceFeatureReader(Bits);
        reference.Read(text, expected);
        reference.Finish(expected);

        Assert.Equal(expected, Read(text, [text.Length]));
        var cuts = new List<int>();
        for (var at = 0; at < text.Length;)
        {
            var size = random.Next(1, 70);
            cuts.Add(Math.Min(size, text.Length - at));
            at += size;
        }
        Assert.Equal(expected, Read(text, cuts));
    }

    private static List<int> Read(string text, List<int> chunkSizes)
    {
        var buckets = new List<int>();
        var sink = new BucketListSink(buckets);
        var reader = new FeatureReader(Bits);
        var at = 0;
        foreach (var size in chunkSizes)
        {
            reader.Read(text.AsSpan(at, size), ref sink);
            at += size;
        }
        reader.Finish(ref sink);
        return buckets;
    }
}

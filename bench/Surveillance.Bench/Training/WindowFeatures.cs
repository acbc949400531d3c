using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench.Training;

/// <summary>
/// Cuts a text into the windows the product scores (<see cref="WindowGrid"/>, the same <see cref="FeatureReader"/>
/// fed chunk by chunk) and turns each into a <see cref="SparseWindow"/>, so the model is trained on exactly what it
/// will be asked about.
/// </summary>
public static class WindowFeatures
{
    /// <summary>The windows of <paramref name="text"/>.</summary>
    public static List<SparseWindow> Of(string text, int bucketBits, int chunkChars, int windowChunks, int normFloor)
    {
        var grid = new WindowGrid(text.Length, chunkChars, windowChunks);
        var chunks = new List<int>[grid.Chunks];
        var reader = new FeatureReader(bucketBits);
        for (var k = 0; k < chunks.Length; k++)
        {
            chunks[k] = [];
            var sink = new BucketListSink(chunks[k]);
            var (s, e) = grid.Chunk(k);
            reader.Read(text.AsSpan(s, e - s), ref sink);
            if (k == chunks.Length - 1) reader.Finish(ref sink);
        }
        var windows = new List<SparseWindow>(grid.Windows);
        for (var w = 0; w < grid.Windows; w++)
        {
            var counts = new SortedDictionary<int, int>();
            var n = 0;
            for (var k = w; k < Math.Min(chunks.Length, w + windowChunks); k++)
            {
                foreach (var b in chunks[k])
                {
                    counts[b] = counts.GetValueOrDefault(b) + 1;
                    n++;
                }
            }
            var norm = Math.Sqrt(Math.Max(n, normFloor));
            windows.Add(new SparseWindow([.. counts.Keys], [.. counts.Values.Select(c => c / norm)]));
        }
        return windows;
    }
}

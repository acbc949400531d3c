namespace Smooth.Surveillance.Scoring;

/// <summary>
/// How a text is cut for scoring, shared by the scorer and the trainer so both see the same windows: chunks of
/// <see cref="ChunkChars"/> characters from the start, and a window of <see cref="WindowChunks"/> consecutive chunks
/// starting at every chunk (a text of at most that many chunks is one window). Any passage of up to
/// (<see cref="WindowChunks"/> − 1) × <see cref="ChunkChars"/> + 1 characters lies wholly inside some window, so a
/// short injection is scored with at most a window's worth of other text around it, however long the text.
/// </summary>
internal readonly record struct WindowGrid(int Length, int ChunkChars, int WindowChunks)
{
    /// <summary>Chunks in the text.</summary>
    public int Chunks => (Length + ChunkChars - 1) / ChunkChars;

    /// <summary>Windows in the text (0 for an empty text).</summary>
    public int Windows => Length == 0 ? 0 : Math.Max(1, Chunks - WindowChunks + 1);

    /// <summary>The characters of chunk <paramref name="chunk"/>.</summary>
    public (int Start, int End) Chunk(int chunk) => (chunk * ChunkChars, Math.Min(Length, (chunk + 1) * ChunkChars));

    /// <summary>The characters of window <paramref name="window"/> (chunks <paramref name="window"/> to window + WindowChunks − 1).</summary>
    public (int Start, int End) Window(int window) => Window(window, WindowChunks);

    /// <summary>The characters of the window of <paramref name="width"/> chunks that starts at chunk <paramref name="window"/>.</summary>
    public (int Start, int End) Window(int window, int width) => (window * ChunkChars, Math.Min(Length, (window + width) * ChunkChars));
}

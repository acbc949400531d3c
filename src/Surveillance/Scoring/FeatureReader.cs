using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Smooth.Surveillance.Scoring;

/// <summary>
/// One pass over a text that hashes its features (<see cref="FeatureKinds.All"/>) into buckets. The text is read as
/// normalised: letters lower case, every digit as <c>0</c> (numbers, hashes and line numbers say little about intent),
/// a run of whitespace as one space, and a run of any other character cut to <see cref="MaxRun"/> (a separator line of
/// 80 dashes would otherwise be 76 copies of one 5-gram and outweigh everything else in its window). Words are runs of
/// letters and digits; a pair is two consecutive words whatever stands between them; 5-grams run over the normalised
/// characters, punctuation included. A feature is reported when its last character is read, so a caller that feeds
/// the text in chunks knows which chunk each one belongs to. A mutable struct: keep it in a local and feed it the
/// chunks in order.
/// </summary>
internal struct FeatureReader
{
    /// <summary>The longest run of one normalised character that is read; the rest of the run is skipped.</summary>
    public const int MaxRun = 3;

    private const uint WordChar = 1;
    private const uint Space = 2;

    // ASCII: the class of each code unit (high half) and its normalised form (low half), in one lookup.
    private static readonly uint[] Ascii = BuildAscii();

    private readonly int _bits;
    private ulong _lastFour;
    private int _seen;
    private int _run;
    private bool _afterSpace;
    private ulong _word;
    private bool _inWord;
    private ulong _previousWord;
    private bool _hasPrevious;

    /// <summary>A reader that hashes into 2^<paramref name="bucketBits"/> buckets.</summary>
    public FeatureReader(int bucketBits)
    {
        _bits = bucketBits;
        _afterSpace = true; // leading whitespace is not part of the stream
        _word = FeatureHash.WordBasis;
    }

    /// <summary>Reads the next part of the text.</summary>
    public void Read<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IFeatureSink
    {
        // The state lives in locals (registers) for the loop and goes back to the fields once at the end: read
        // through `this` and `ref sink`, every character would cost loads and stores of the same few fields.
        var bits = _bits;
        var lastFour = _lastFour;
        var seen = _seen;
        var run = _run;
        var afterSpace = _afterSpace;
        var word = _word;
        var inWord = _inWord;
        var previous = _previousWord;
        var hasPrevious = _hasPrevious;
        var local = sink;
        ref var ascii = ref MemoryMarshal.GetArrayDataReference(Ascii);
        foreach (var raw in text)
        {
            var entry = raw < 128 ? Unsafe.Add(ref ascii, raw) : Classify(raw);
            var c = (char)entry;
            if (c == (char)lastFour && seen > 0)
            {
                if (++run >= MaxRun) continue;
            }
            else
            {
                run = 0;
            }
            if (entry >> 16 == WordChar)
            {
                word = FeatureHash.AddToWord(word, c);
                inWord = true;
                afterSpace = false;
            }
            else
            {
                if (inWord)
                {
                    local.Add(FeatureHash.Unigram(word, bits));
                    if (hasPrevious) local.Add(FeatureHash.Bigram(previous, word, bits));
                    previous = word;
                    hasPrevious = true;
                    word = FeatureHash.WordBasis;
                    inWord = false;
                }
                if (entry >> 16 == Space)
                {
                    if (afterSpace) continue;
                    afterSpace = true;
                }
                else
                {
                    afterSpace = false;
                }
            }
            if (seen >= 4) local.Add(FeatureHash.FiveGram(lastFour, c, bits));
            else seen++;
            lastFour = (lastFour << 16) | c;
        }
        sink = local;
        _lastFour = lastFour;
        _seen = seen;
        _run = run;
        _afterSpace = afterSpace;
        _word = word;
        _inWord = inWord;
        _previousWord = previous;
        _hasPrevious = hasPrevious;
    }

    /// <summary>Reports the word the text ends in, if any.</summary>
    public void Finish<TSink>(ref TSink sink) where TSink : struct, IFeatureSink
    {
        if (!_inWord) return;
        sink.Add(FeatureHash.Unigram(_word, _bits));
        if (_hasPrevious) sink.Add(FeatureHash.Bigram(_previousWord, _word, _bits));
        _previousWord = _word;
        _hasPrevious = true;
        _word = FeatureHash.WordBasis;
        _inWord = false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint Classify(char c)
    {
        if (char.IsDigit(c)) return WordChar << 16 | '0';
        if (char.IsLetterOrDigit(c)) return WordChar << 16 | char.ToLowerInvariant(c);
        if (char.IsWhiteSpace(c)) return Space << 16 | ' ';
        return c;
    }

    private static uint[] BuildAscii()
    {
        var table = new uint[128];
        for (var i = 0; i < 128; i++)
        {
            var c = (char)i;
            table[i] = char.IsAsciiDigit(c) ? WordChar << 16 | '0'
                : char.IsAsciiLetter(c) ? WordChar << 16 | char.ToLowerInvariant(c)
                : char.IsWhiteSpace(c) ? Space << 16 | ' '
                : c;
        }
        return table;
    }
}

using System.Runtime.CompilerServices;

namespace Smooth.Surveillance.Scoring;

/// <summary>
/// One pass over a text that hashes its features (<see cref="FeatureKinds.All"/>) into buckets. The text is read as
/// normalised: letters lower case, every digit as <c>0</c> (numbers, hashes and line numbers say little about intent),
/// a run of whitespace as one space, and a run of any other character cut to <see cref="MaxRun"/> (a separator line of
/// 80 dashes would otherwise be 76 copies of one 5-gram and outweigh everything else in its window). Words are runs of letters and digits; a pair is two consecutive words whatever
/// stands between them; 5-grams run over the normalised characters, punctuation included. A feature is reported
/// when its last character is read, so a caller that feeds the text in chunks knows which chunk each one belongs to.
/// A mutable struct: keep it in a local and feed it the chunks in order.
/// </summary>
internal struct FeatureReader
{
    private const byte Other = 0;
    private const byte WordChar = 1;
    private const byte Space = 2;

    /// <summary>The longest run of one normalised character that is read; the rest of the run is skipped.</summary>
    public const int MaxRun = 3;

    // ASCII: the class of each code unit, and its normalised form.
    private static readonly byte[] AsciiClass = BuildClasses();
    private static readonly char[] AsciiNormal = BuildNormal();

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
        var bits = _bits;
        foreach (var raw in text)
        {
            byte kind;
            char c;
            if (raw < 128)
            {
                kind = AsciiClass[raw];
                c = AsciiNormal[raw];
            }
            else
            {
                (kind, c) = Classify(raw);
            }
            if (c == (char)_lastFour && _seen > 0)
            {
                if (++_run >= MaxRun) continue;
            }
            else
            {
                _run = 0;
            }
            if (kind == WordChar)
            {
                _word = FeatureHash.AddToWord(_word, c);
                _inWord = true;
                _afterSpace = false;
            }
            else
            {
                if (_inWord) EndWord(ref sink, bits);
                if (kind == Space)
                {
                    if (_afterSpace) continue;
                    _afterSpace = true;
                }
                else
                {
                    _afterSpace = false;
                }
            }
            if (_seen >= 4) sink.Add(FeatureHash.FiveGram(_lastFour, c, bits));
            else _seen++;
            _lastFour = (_lastFour << 16) | c;
        }
    }

    /// <summary>Reports the word the text ends in, if any.</summary>
    public void Finish<TSink>(ref TSink sink) where TSink : struct, IFeatureSink
    {
        if (_inWord) EndWord(ref sink, _bits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndWord<TSink>(ref TSink sink, int bits) where TSink : struct, IFeatureSink
    {
        sink.Add(FeatureHash.Unigram(_word, bits));
        if (_hasPrevious) sink.Add(FeatureHash.Bigram(_previousWord, _word, bits));
        _previousWord = _word;
        _hasPrevious = true;
        _word = FeatureHash.WordBasis;
        _inWord = false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (byte Kind, char Normal) Classify(char c)
    {
        if (char.IsDigit(c)) return (WordChar, '0');
        if (char.IsLetterOrDigit(c)) return (WordChar, char.ToLowerInvariant(c));
        if (char.IsWhiteSpace(c)) return (Space, ' ');
        return (Other, c);
    }

    private static byte[] BuildClasses()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = char.IsAsciiLetterOrDigit((char)c) ? WordChar : char.IsWhiteSpace((char)c) ? Space : Other;
        }
        return table;
    }

    private static char[] BuildNormal()
    {
        var table = new char[128];
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            table[c] = char.IsAsciiDigit(ch) ? '0' : char.IsWhiteSpace(ch) ? ' ' : char.ToLowerInvariant(ch);
        }
        return table;
    }
}

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

    // Every UTF-16 code unit's class (high half) and normalised form (low half), in one lookup (256 KiB, built once):
    // with a call for non-ASCII characters in the loop, the JIT kept the loop's state on the stack around it.
    private static readonly uint[] Entries = BuildEntries();

    private readonly int _bits;
    private ulong _lastFour;
    private int _seen;
    private int _run; // read at the start only (see ReadSteady)
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
        var i = _seen < 4 || !_hasPrevious ? ReadStart(text, ref sink) : 0;
        if (i < text.Length) ReadSteady(text[i..], ref sink);
    }

    // The reader's start, until four characters and one word have been read; returns how far it read. Every state
    // variable is kept here; after it, ReadSteady derives two of them from the last characters read.
    private int ReadStart<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IFeatureSink
    {
        var i = 0;
        for (; i < text.Length && (_seen < 4 || !_hasPrevious); i++)
        {
            var raw = text[i];
            var entry = Entries[raw];
            var c = (char)entry;
            if (c == (char)_lastFour && _seen > 0)
            {
                if (++_run >= MaxRun) continue;
            }
            else
            {
                _run = 0;
            }
            if (entry >> 16 == WordChar)
            {
                _word = FeatureHash.AddToWord(_word, c);
                _inWord = true;
                _afterSpace = false;
            }
            else
            {
                if (_inWord) EndWord(ref sink);
                if (entry >> 16 == Space)
                {
                    if (_afterSpace) continue;
                    _afterSpace = true;
                }
                else
                {
                    _afterSpace = false;
                }
            }
            if (_seen >= 4) sink.Add(FeatureHash.FiveGram(_lastFour, c, _bits));
            else _seen++;
            _lastFour = (_lastFour << 16) | c;
        }
        return i;
    }

    // The steady state: four characters and a word read. Two variables of the start are then functions of the last
    // characters read, so the loop keeps fewer values (it is the scorer's hottest loop, and with all of them the JIT
    // kept the weight sum and most of the state on the stack):
    // - "after a space" is "the last character read is a space" (a second space is skipped before it is read);
    // - a character is skipped as the MaxRun+1-th of a run when the last MaxRun characters read are that character: a
    //   run's characters are read until MaxRun of them are, and every one after is skipped.
    // The state goes back to the fields once at the end (read through `this`, each character would cost loads and
    // stores of the same few fields).
    private void ReadSteady<TSink>(ReadOnlySpan<char> text, ref TSink sink) where TSink : struct, IFeatureSink
    {
        var shift = 64 - _bits;
        var lastFour = _lastFour;
        var word = _word;
        var inWord = _inWord;
        var previous = _previousWord;
        var local = sink;
        ref var entries = ref MemoryMarshal.GetArrayDataReference(Entries);
        foreach (var raw in text)
        {
            var entry = Unsafe.Add(ref entries, raw);
            var c = (char)entry;
            if (c == (char)lastFour && (lastFour & RunMask) == c * RunOfOne) continue;
            if (entry >> 16 == WordChar)
            {
                word = FeatureHash.AddToWord(word, c);
                inWord = true;
            }
            else
            {
                if (inWord)
                {
                    local.Add(FeatureHash.UnigramShifted(word, shift));
                    local.Add(FeatureHash.BigramShifted(previous, word, shift));
                    previous = word;
                    word = FeatureHash.WordBasis;
                    inWord = false;
                }
                if (c == ' ' && (char)lastFour == ' ') continue;
            }
            local.Add(FeatureHash.FiveGramShifted(lastFour, c, shift));
            lastFour = (lastFour << 16) | c;
        }
        sink = local;
        _lastFour = lastFour;
        _word = word;
        _inWord = inWord;
        _previousWord = previous;
        _afterSpace = (char)lastFour == ' ';
    }

    // The last MaxRun characters read, and MaxRun copies of one character in the same places.
    private const ulong RunMask = (1UL << (16 * MaxRun)) - 1;
    private const ulong RunOfOne = RunMask / 0xFFFF;

    private void EndWord<TSink>(ref TSink sink) where TSink : struct, IFeatureSink
    {
        sink.Add(FeatureHash.Unigram(_word, _bits));
        if (_hasPrevious) sink.Add(FeatureHash.Bigram(_previousWord, _word, _bits));
        _previousWord = _word;
        _hasPrevious = true;
        _word = FeatureHash.WordBasis;
        _inWord = false;
    }

    /// <summary>Reports the word the text ends in, if any.</summary>
    public void Finish<TSink>(ref TSink sink) where TSink : struct, IFeatureSink
    {
        if (_inWord) EndWord(ref sink);
    }

    private static uint[] BuildEntries()
    {
        var table = new uint[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = char.IsDigit(c) ? WordChar << 16 | '0'
                : char.IsLetterOrDigit(c) ? WordChar << 16 | char.ToLowerInvariant(c)
                : char.IsWhiteSpace(c) ? Space << 16 | ' '
                : c;
        }
        return table;
    }
}

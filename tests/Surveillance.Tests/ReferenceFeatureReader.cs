using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Tests;

/// <summary>
/// The features of <see cref="FeatureReader"/> written the plain way: one state machine with every variable explicit,
/// a character classified by the .NET character functions. The product's reader derives part of its state from the
/// characters it has read and looks every character up in a table, for speed; this one is the definition it must
/// match, feature for feature, or the shipped model reads different buckets than it was trained on.
/// </summary>
internal sealed class ReferenceFeatureReader(int bits)
{
    private ulong _lastFour;
    private int _seen;
    private int _run;
    private bool _afterSpace = true;
    private ulong _word = FeatureHash.WordBasis;
    private bool _inWord;
    private ulong _previous;
    private bool _hasPrevious;

    public void Read(ReadOnlySpan<char> text, List<int> features)
    {
        foreach (var raw in text)
        {
            var (isWord, isSpace, c) = Normalise(raw);
            if (c == (char)_lastFour && _seen > 0)
            {
                if (++_run >= FeatureReader.MaxRun) continue;
            }
            else
            {
                _run = 0;
            }
            if (isWord)
            {
                _word = FeatureHash.AddToWord(_word, c);
                _inWord = true;
                _afterSpace = false;
            }
            else
            {
                EndWord(features);
                if (isSpace)
                {
                    if (_afterSpace) continue;
                    _afterSpace = true;
                }
                else
                {
                    _afterSpace = false;
                }
            }
            if (_seen >= 4) features.Add(FeatureHash.FiveGram(_lastFour, c, bits));
            else _seen++;
            _lastFour = (_lastFour << 16) | c;
        }
    }

    public void Finish(List<int> features) => EndWord(features);

    private void EndWord(List<int> features)
    {
        if (!_inWord) return;
        features.Add(FeatureHash.Unigram(_word, bits));
        if (_hasPrevious) features.Add(FeatureHash.Bigram(_previous, _word, bits));
        _previous = _word;
        _hasPrevious = true;
        _word = FeatureHash.WordBasis;
        _inWord = false;
    }

    private static (bool IsWord, bool IsSpace, char C) Normalise(char raw) =>
        char.IsDigit(raw) ? (true, false, '0')
        : char.IsLetterOrDigit(raw) ? (true, false, char.ToLowerInvariant(raw))
        : char.IsWhiteSpace(raw) ? (false, true, ' ')
        : (false, false, raw);
}

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Splits text into the tokens the learned injection scorer (<see cref="InjectionModel"/>) reads, and hashes each
/// token into up to three feature buckets: the word, the word with the one before it, and the word's first letters
/// (so "envoie" and "envoyez", "отправь" and "отправьте" share a feature). Words are runs of letters and digits,
/// lower-cased; a Chinese or Japanese character is a word of its own, since those scripts put no spaces between words;
/// a few symbols that carry meaning in an attack (a pipe, a home directory, a URL scheme) are words too. The trainer
/// and the scanner share this code, so the hashes the weights were trained on are the ones looked up.
/// </summary>
internal static class InjectionTokens
{
    /// <summary>The number of feature buckets (a power of two).</summary>
    public const int Buckets = 1 << 18;

    /// <summary>Features per token: word, pair, prefix.</summary>
    public const int PerToken = 3;

    // Longer words are hashed on their first letters only (identifiers and hashes say nothing past that).
    private const int MaxWord = 24;
    // Words longer than this also yield their prefix of that length.
    private const int Prefix = 5;
    private const uint PairSalt = 0x9E3779B9;
    private const uint PrefixSalt = 0x85EBCA6B;

    /// <summary>Receives one token: its character span and its feature buckets (-1 when a feature is absent).</summary>
    public delegate void Sink<TState>(ref TState state, int start, int end, int word, int pair, int prefix);

    /// <summary>Tokenises <paramref name="text"/> and hands each token to <paramref name="sink"/>, in order.</summary>
    public static void Read<TState>(ReadOnlySpan<char> text, ref TState state, Sink<TState> sink)
    {
        uint previous = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int start = i, end;
            uint h;
            if (IsIdeograph(c))
            {
                h = Step(Offset, c);
                end = i + 1;
            }
            else if (char.IsLetterOrDigit(c))
            {
                h = Offset;
                uint prefix = 0;
                var n = 0;
                var digits = true;
                end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || IsJoiner(text, end)) && !IsIdeograph(text[end]))
                {
                    var ch = text[end];
                    digits &= char.IsAsciiDigit(ch);
                    if (n < MaxWord && !IsJoiner(text, end)) h = Step(h, char.ToLowerInvariant(ch));
                    if (n == Prefix - 1) prefix = h;
                    n++;
                    end++;
                }
                // Numbers differ endlessly and mean little: all of them are one word.
                if (digits) h = Step(Offset, '0');
                var prefixBucket = !digits && n > Prefix + 1 ? Bucket(prefix ^ PrefixSalt) : -1;
                sink(ref state, start, end, Bucket(h), Bucket((previous * 31) ^ h ^ PairSalt), prefixBucket);
                previous = h;
                i = end;
                continue;
            }
            else if (Symbol(text, i) is var length and > 0)
            {
                h = Offset;
                for (var k = 0; k < length; k++) h = Step(h, text[i + k]);
                end = i + length;
            }
            else
            {
                i++;
                continue;
            }
            sink(ref state, start, end, Bucket(h), Bucket((previous * 31) ^ h ^ PairSalt), -1);
            previous = h;
            i = end;
        }
    }

    private const uint Offset = 2166136261;

    private static uint Step(uint h, char c) => (h ^ c) * 16777619;

    private static int Bucket(uint h) => (int)((h ^ (h >> 15)) & (Buckets - 1));

    // An apostrophe inside a word ("don't", "l'agent") keeps the word whole but is not hashed.
    private static bool IsJoiner(ReadOnlySpan<char> text, int at) =>
        text[at] is '\'' or '’' && at + 1 < text.Length && char.IsLetter(text[at + 1]) && at > 0 && char.IsLetter(text[at - 1]);

    // Han, kana: a character is a word.
    private static bool IsIdeograph(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF';

    // The symbols that are tokens: "://", "~/", "|", "$", "@", "<!--". Everything else between words is skipped.
    private static int Symbol(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (rest.StartsWith("://")) return 3;
        if (rest.StartsWith("~/")) return 2;
        if (rest.StartsWith("<!--")) return 4;
        return rest[0] is '|' or '$' or '@' ? 1 : 0;
    }
}
